namespace Nemo.Simulator;

/// <summary>
/// A fault rule built fluently, e.g. <c>Fault.On(SimulatorEndpoint.Upload).ServerError(503).Times(2)</c>.
/// Without <see cref="Times(int)"/> it fires on every matching call; <see cref="AfterCalls(int)"/> lets the first
/// calls through; <see cref="WithProbability(double)"/> fires at random (seeded). Add it to <see cref="FaultSet"/>.
/// </summary>
public sealed class Fault
{
    private Fault(SimulatorEndpoint? endpoint) => Endpoint = endpoint;

    /// <summary>The endpoint this fault applies to; null means every endpoint.</summary>
    public SimulatorEndpoint? Endpoint { get; }

    /// <summary>What the fault does. Default <see cref="FaultKind.ServerError"/>.</summary>
    public FaultKind Kind { get; private set; } = FaultKind.ServerError;

    /// <summary>HTTP status of <see cref="FaultKind.ServerError"/> (default 500).</summary>
    public int StatusCode { get; private set; } = 500;

    /// <summary>Nemo code of <see cref="FaultKind.NemoError"/>.</summary>
    public int NemoCode { get; private set; }

    /// <summary>Message of the error, or null for the default one.</summary>
    public string? Message { get; private set; }

    /// <summary><c>Retry-After</c> of <see cref="FaultKind.RateLimited"/>, sent as whole seconds (not scaled).</summary>
    public TimeSpan RetryAfter { get; private set; } = TimeSpan.FromSeconds(30);

    /// <summary>Simulated delay of <see cref="FaultKind.Slow"/> and <see cref="FaultKind.LateResponse"/> (scaled by <see cref="SimulatorOptions.TimeScale"/>).</summary>
    public TimeSpan Delay { get; private set; }

    /// <summary>Events sent before <see cref="FaultKind.DropStream"/> or <see cref="FaultKind.StreamError"/> acts (keep-alives count).</summary>
    public int AfterEvents { get; private set; } = 1;

    /// <summary>Fraction of the file sent before <see cref="FaultKind.TruncatedDownload"/> aborts.</summary>
    public double SentFraction { get; private set; } = 0.5;

    /// <summary>Error style of this fault; null uses <see cref="SimulatorOptions.ErrorStyle"/> (server errors default to an HTTP status).</summary>
    public ErrorStyle? Style { get; private set; }

    /// <summary>How many times the fault fires; null means unlimited.</summary>
    public int? MaxFirings { get; private set; }

    /// <summary>Matching calls let through before the fault starts firing.</summary>
    public int SkipCalls { get; private set; }

    /// <summary>Probability that an eligible call fires the fault. Default 1.</summary>
    public double Probability { get; private set; } = 1.0;

    /// <summary>Matching calls seen since the fault was added.</summary>
    public int CallsSeen { get; internal set; }

    /// <summary>How many times the fault has fired.</summary>
    public int Firings { get; internal set; }

    internal Random? Random { get; set; }

    /// <summary>Starts a fault on one endpoint.</summary>
    /// <param name="endpoint">The endpoint.</param>
    /// <returns>The fault, to configure further.</returns>
    public static Fault On(SimulatorEndpoint endpoint) => new(endpoint);

    /// <summary>Starts a fault on every endpoint.</summary>
    /// <returns>The fault, to configure further.</returns>
    public static Fault OnAnyEndpoint() => new(null);

    /// <summary>Answers with an HTTP 5xx status.</summary>
    /// <param name="statusCode">The status, 500–599.</param>
    /// <returns>This fault.</returns>
    public Fault ServerError(int statusCode = 500)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 500);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        StatusCode = statusCode;
        return Set(FaultKind.ServerError);
    }

    /// <summary>Answers 429 with <c>Retry-After</c>.</summary>
    /// <param name="retryAfter">The advertised wait, sent as whole seconds.</param>
    /// <returns>This fault.</returns>
    public Fault RateLimited(TimeSpan retryAfter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retryAfter, TimeSpan.Zero);
        RetryAfter = retryAfter;
        return Set(FaultKind.RateLimited);
    }

    /// <summary>Aborts the connection without a response.</summary>
    /// <returns>This fault.</returns>
    public Fault ConnectionReset() => Set(FaultKind.ConnectionReset);

    /// <summary>Delays the response by a simulated time, then serves it normally.</summary>
    /// <param name="delay">The simulated delay.</param>
    /// <returns>This fault.</returns>
    public Fault Slow(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        Delay = delay;
        return Set(FaultKind.Slow);
    }

    /// <summary>Serves the request, then aborts the connection instead of answering: the call took effect, the reply is lost.</summary>
    /// <returns>This fault.</returns>
    public Fault ResponseLost() => Set(FaultKind.ResponseLost);

    /// <summary>Serves the request at once but holds its response back by a simulated time.</summary>
    /// <param name="delay">The simulated delay.</param>
    /// <returns>This fault.</returns>
    public Fault LateResponse(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        Delay = delay;
        return Set(FaultKind.LateResponse);
    }

    /// <summary>Aborts a <c>/run_sse</c> stream after some events.</summary>
    /// <param name="afterEvents">Events (keep-alives included) sent first.</param>
    /// <returns>This fault.</returns>
    public Fault DropStream(int afterEvents = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterEvents);
        AfterEvents = afterEvents;
        return Set(FaultKind.DropStream);
    }

    /// <summary>Sends a server error event on a <c>/run_sse</c> stream after some events and ends it.</summary>
    /// <param name="afterEvents">Events (keep-alives included) sent first.</param>
    /// <param name="message">The error text, or null for a default.</param>
    /// <returns>This fault.</returns>
    public Fault StreamError(int afterEvents = 1, string? message = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterEvents);
        AfterEvents = afterEvents;
        Message = message;
        return Set(FaultKind.StreamError);
    }

    /// <summary>Answers 1001 and expires the token used.</summary>
    /// <returns>This fault.</returns>
    public Fault TokenExpired() => Set(FaultKind.TokenExpired);

    /// <summary>Answers 1002 and loses the session named by the request.</summary>
    /// <returns>This fault.</returns>
    public Fault SessionLost() => Set(FaultKind.SessionLost);

    /// <summary>Answers 2001.</summary>
    /// <returns>This fault.</returns>
    public Fault OutOfCredits() => Set(FaultKind.OutOfCredits);

    /// <summary>Answers 4001.</summary>
    /// <returns>This fault.</returns>
    public Fault UnsupportedType() => Set(FaultKind.UnsupportedType);

    /// <summary>Answers 4002.</summary>
    /// <returns>This fault.</returns>
    public Fault TooLarge() => Set(FaultKind.TooLarge);

    /// <summary>Answers HTTP 402.</summary>
    /// <returns>This fault.</returns>
    public Fault PaymentRequired() => Set(FaultKind.PaymentRequired);

    /// <summary>Makes the render started (render start) or polled (render status) end <c>failed</c>.</summary>
    /// <param name="message">The error text, or null for a default.</param>
    /// <returns>This fault.</returns>
    public Fault RenderFailed(string? message = null)
    {
        Message = message;
        return Set(FaultKind.RenderFailed);
    }

    /// <summary>Announces the full length of a download and aborts part-way.</summary>
    /// <param name="sentFraction">Fraction of the file sent, in [0, 1).</param>
    /// <returns>This fault.</returns>
    public Fault TruncatedDownload(double sentFraction = 0.5)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sentFraction);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(sentFraction, 1.0);
        SentFraction = sentFraction;
        return Set(FaultKind.TruncatedDownload);
    }

    /// <summary>Answers with any Nemo error code.</summary>
    /// <param name="code">The code, not 0.</param>
    /// <param name="message">The message.</param>
    /// <returns>This fault.</returns>
    public Fault NemoError(int code, string message)
    {
        ArgumentOutOfRangeException.ThrowIfZero(code);
        ArgumentException.ThrowIfNullOrEmpty(message);
        NemoCode = code;
        Message = message;
        return Set(FaultKind.NemoError);
    }

    /// <summary>Chooses how the error is delivered.</summary>
    /// <param name="style">The style.</param>
    /// <returns>This fault.</returns>
    public Fault As(ErrorStyle style)
    {
        Style = style;
        return this;
    }

    /// <summary>Fires at most <paramref name="count"/> times.</summary>
    /// <param name="count">The number of firings, at least 1.</param>
    /// <returns>This fault.</returns>
    public Fault Times(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        MaxFirings = count;
        return this;
    }

    /// <summary>Fires once.</summary>
    /// <returns>This fault.</returns>
    public Fault Once() => Times(1);

    /// <summary>Lets the first <paramref name="calls"/> matching calls through.</summary>
    /// <param name="calls">Calls to let through.</param>
    /// <returns>This fault.</returns>
    public Fault AfterCalls(int calls)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(calls);
        SkipCalls = calls;
        return this;
    }

    /// <summary>Fires on an eligible call with this probability (seeded by <see cref="SimulatorOptions.Seed"/>).</summary>
    /// <param name="probability">In [0, 1].</param>
    /// <returns>This fault.</returns>
    public Fault WithProbability(double probability)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(probability);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(probability, 1.0);
        Probability = probability;
        return this;
    }

    /// <summary>Builds a fault from configuration.</summary>
    /// <param name="options">The configured fault.</param>
    /// <returns>The fault.</returns>
    public static Fault From(FaultOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var fault = options.Endpoint is { } endpoint ? On(endpoint) : OnAnyEndpoint();
        _ = options.Kind switch
        {
            FaultKind.ServerError => fault.ServerError(options.StatusCode ?? 500),
            FaultKind.RateLimited => fault.RateLimited(TimeSpan.FromSeconds(options.RetryAfterSeconds ?? 30)),
            FaultKind.Slow => fault.Slow(TimeSpan.FromSeconds(options.DelaySeconds ?? 5)),
            FaultKind.LateResponse => fault.LateResponse(TimeSpan.FromSeconds(options.DelaySeconds ?? 5)),
            FaultKind.DropStream => fault.DropStream(options.AfterEvents ?? 1),
            FaultKind.StreamError => fault.StreamError(options.AfterEvents ?? 1, options.Message),
            FaultKind.RenderFailed => fault.RenderFailed(options.Message),
            FaultKind.TruncatedDownload => fault.TruncatedDownload(options.SentFraction ?? 0.5),
            FaultKind.NemoError => fault.NemoError(options.Code ?? 500, options.Message ?? "Simulated error"),
            _ => fault.Set(options.Kind),
        };
        if (options.Style is { } style)
        {
            fault.As(style);
        }

        if (options.Times is { } times)
        {
            fault.Times(times);
        }

        return fault.AfterCalls(options.AfterCalls).WithProbability(options.Probability);
    }

    private Fault Set(FaultKind kind)
    {
        Kind = kind;
        return this;
    }
}
