using System.Text.Json.Serialization;

namespace Nemo.Conversions;

/// <summary>A CloudEvents 1.0 event in its JSON format, carrying a <see cref="ConversionResult"/>.</summary>
public sealed record ConversionCloudEvent
{
    /// <summary>Always <c>1.0</c>.</summary>
    [JsonPropertyName("specversion")]
    public string SpecVersion { get; init; } = "1.0";

    /// <summary>Unique per event; derived from the instance id and status, so a re-published event has the same id.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>Who produced it, e.g. <c>/nemo/conversions</c>.</summary>
    [JsonPropertyName("source")]
    public required string Source { get; init; }

    /// <summary><c>ai.nemo.conversion.succeeded</c>, <c>.failed</c> or <c>.cancelled</c>.</summary>
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    /// <summary>The output name.</summary>
    [JsonPropertyName("subject")]
    public string? Subject { get; init; }

    /// <summary>When the conversion ended.</summary>
    [JsonPropertyName("time")]
    public DateTimeOffset Time { get; init; }

    /// <summary>Always <c>application/json</c>.</summary>
    [JsonPropertyName("datacontenttype")]
    public string DataContentType { get; init; } = "application/json";

    /// <summary>The result.</summary>
    [JsonPropertyName("data")]
    public required ConversionResult Data { get; init; }
}
