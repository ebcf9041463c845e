using System.Text.Json.Serialization;

namespace Nemo.Conversions;

/// <summary>How a conversion ended.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConversionStatus>))]
public enum ConversionStatus
{
    /// <summary>The MP4 is in the output area.</summary>
    [JsonStringEnumMemberName("succeeded")] Succeeded,

    /// <summary>It stopped; the result says at which stage and why. Inputs are untouched.</summary>
    [JsonStringEnumMemberName("failed")] Failed,

    /// <summary>Someone cancelled it.</summary>
    [JsonStringEnumMemberName("cancelled")] Cancelled,
}
