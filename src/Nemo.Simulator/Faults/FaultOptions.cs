namespace Nemo.Simulator;

/// <summary>A fault as written in configuration, e.g. <c>Simulator:Faults:0:Endpoint=Upload</c>, <c>…:Kind=ServerError</c>, <c>…:Times=2</c>.</summary>
public sealed class FaultOptions
{
    /// <summary>The endpoint; null means every endpoint.</summary>
    public SimulatorEndpoint? Endpoint { get; set; }

    /// <summary>What the fault does.</summary>
    public FaultKind Kind { get; set; }

    /// <summary>HTTP status of a server error.</summary>
    public int? StatusCode { get; set; }

    /// <summary>Nemo code of <see cref="FaultKind.NemoError"/>.</summary>
    public int? Code { get; set; }

    /// <summary>Error message.</summary>
    public string? Message { get; set; }

    /// <summary><c>Retry-After</c> seconds of a 429.</summary>
    public int? RetryAfterSeconds { get; set; }

    /// <summary>Simulated delay seconds of a slow or late response.</summary>
    public double? DelaySeconds { get; set; }

    /// <summary>Events sent before a stream is dropped or errors.</summary>
    public int? AfterEvents { get; set; }

    /// <summary>Fraction of a truncated download that is sent.</summary>
    public double? SentFraction { get; set; }

    /// <summary>How the error is delivered.</summary>
    public ErrorStyle? Style { get; set; }

    /// <summary>Maximum firings; null means unlimited.</summary>
    public int? Times { get; set; }

    /// <summary>Matching calls let through first.</summary>
    public int AfterCalls { get; set; }

    /// <summary>Probability of firing. Default 1.</summary>
    public double Probability { get; set; } = 1.0;
}
