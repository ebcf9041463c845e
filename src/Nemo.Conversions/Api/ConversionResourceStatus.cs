using System.Text.Json.Serialization;

namespace Nemo.Conversions;

/// <summary>A conversion's status as the API reports it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConversionResourceStatus>))]
public enum ConversionResourceStatus
{
    /// <summary>Accepted, not started.</summary>
    [JsonStringEnumMemberName("pending")] Pending,

    /// <summary>Running.</summary>
    [JsonStringEnumMemberName("running")] Running,

    /// <summary>The MP4 is ready (for a batch: every item succeeded).</summary>
    [JsonStringEnumMemberName("succeeded")] Succeeded,

    /// <summary>It stopped; <c>result.failure</c> or <c>error</c> says why.</summary>
    [JsonStringEnumMemberName("failed")] Failed,

    /// <summary>It was cancelled.</summary>
    [JsonStringEnumMemberName("cancelled")] Cancelled,
}
