namespace Nemo.Conversions;

/// <summary>
/// A CloudEvents 1.0 event carrying a <see cref="ConversionResult"/>: the attributes every sink publishes. Each sink
/// puts it on the wire with its transport's SDK (the CloudEvents SDK for the file and the webhook, the Azure SDK for
/// Event Grid), so this type has no wire format of its own.
/// </summary>
public sealed record ConversionCloudEvent
{
    /// <summary>Always <c>1.0</c>.</summary>
    public string SpecVersion { get; init; } = "1.0";

    /// <summary>Unique per event; derived from the instance id and status, so a re-published event has the same id.</summary>
    public required string Id { get; init; }

    /// <summary>Who produced it, a URI reference such as <c>/nemo/conversions</c>.</summary>
    public required string Source { get; init; }

    /// <summary><c>ai.nemo.conversion.succeeded</c>, <c>.failed</c> or <c>.cancelled</c>.</summary>
    public required string Type { get; init; }

    /// <summary>The output name.</summary>
    public string? Subject { get; init; }

    /// <summary>When the conversion ended.</summary>
    public DateTimeOffset Time { get; init; }

    /// <summary>Always <c>application/json</c>.</summary>
    public string DataContentType { get; init; } = "application/json";

    /// <summary>The result.</summary>
    public required ConversionResult Data { get; init; }
}
