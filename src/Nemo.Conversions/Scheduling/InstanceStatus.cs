using System.Text.Json.Serialization;

namespace Nemo.Conversions;

/// <summary>An instance's runtime status (Durable's <c>OrchestrationRuntimeStatus</c>, narrowed).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<InstanceStatus>))]
public enum InstanceStatus
{
    /// <summary>Scheduled, not started.</summary>
    [JsonStringEnumMemberName("pending")] Pending,

    /// <summary>Running.</summary>
    [JsonStringEnumMemberName("running")] Running,

    /// <summary>Finished; the output says whether the conversion succeeded.</summary>
    [JsonStringEnumMemberName("completed")] Completed,

    /// <summary>The orchestration itself threw.</summary>
    [JsonStringEnumMemberName("failed")] Failed,

    /// <summary>Stopped from outside.</summary>
    [JsonStringEnumMemberName("terminated")] Terminated,
}
