using System.Text.Json.Serialization;

namespace Nemo.Conversions;

/// <summary>How a failure is handled (nemo-api.md, "Error codes").</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FailureKind>))]
public enum FailureKind
{
    /// <summary>Network, 5xx, 429, interrupted streams: retry with backoff.</summary>
    [JsonStringEnumMemberName("transient")] Transient,

    /// <summary>1001 token, 1002 session: repair and continue.</summary>
    [JsonStringEnumMemberName("recoverable")] Recoverable,

    /// <summary>4001, 4002, 2001, 402, validation, a failed render after its retry: stop at once.</summary>
    [JsonStringEnumMemberName("terminal")] Terminal,
}
