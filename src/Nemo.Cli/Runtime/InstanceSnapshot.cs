using System.Text.Json;
using Nemo.Conversions;

namespace Nemo.Cli.Runtime;

/// <summary>The content of <c>instance.json</c>: an instance's status without reading its history.</summary>
internal sealed record InstanceSnapshot(
    string InstanceId,
    string Name,
    InstanceStatus Status,
    DateTime CreatedAt,
    DateTime LastUpdatedAt,
    JsonElement? CustomStatus = null,
    JsonElement? Output = null,
    string? Error = null,
    string? ErrorType = null,
    string? ParentInstanceId = null)
{
    public bool IsTerminal => Status is InstanceStatus.Completed or InstanceStatus.Failed or InstanceStatus.Terminated;

    public ConversionInstance ToInstance() =>
        new(InstanceId, Name, Status, CreatedAt, LastUpdatedAt, CustomStatus, Output, Error);
}
