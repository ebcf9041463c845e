using System.Globalization;

namespace Nemo.Conversions;

/// <summary>Builds the CloudEvents published when a conversion ends.</summary>
public static class ConversionEvents
{
    /// <summary>The event type of a successful conversion.</summary>
    public const string Succeeded = "ai.nemo.conversion.succeeded";

    /// <summary>The event type of a failed conversion.</summary>
    public const string Failed = "ai.nemo.conversion.failed";

    /// <summary>The event type of a cancelled conversion.</summary>
    public const string Cancelled = "ai.nemo.conversion.cancelled";

    /// <summary>How the result's warning about an event the sinks could not deliver begins (followed by ": " and why).</summary>
    public const string UndeliveredWarning = "The completion event could not be delivered";

    /// <summary>
    /// The event for <paramref name="result"/>: type by status, id <c>&lt;instanceId&gt;/v&lt;version&gt;/&lt;status&gt;</c>
    /// (so a re-published event keeps its id and consumers can drop the duplicate), time = when it ended.
    /// </summary>
    /// <param name="result">The conversion's result.</param>
    /// <param name="source">The producer, e.g. <c>/nemo/conversions</c>.</param>
    public static ConversionCloudEvent Create(ConversionResult result, string source)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrEmpty(source);
        var (status, type) = result.Status switch
        {
            ConversionStatus.Succeeded => ("succeeded", Succeeded),
            ConversionStatus.Failed => ("failed", Failed),
            ConversionStatus.Cancelled => ("cancelled", Cancelled),
            _ => throw new ArgumentOutOfRangeException(nameof(result), result.Status, "Unknown conversion status."),
        };

        return new ConversionCloudEvent
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"{result.Id}/v{result.Version}/{status}"),
            Source = source,
            Type = type,
            Subject = result.Name,
            Time = ToUtc(result.CompletedAt),
            Data = result,
        };
    }

    // Orchestration time is UTC; an unspecified kind is taken as UTC rather than as the machine's local time.
    private static DateTimeOffset ToUtc(DateTime time) =>
        new(time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
