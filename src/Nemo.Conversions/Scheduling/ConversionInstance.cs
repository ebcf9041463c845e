using System.Text.Json;

namespace Nemo.Conversions;

/// <summary>An orchestration instance as status queries see it.</summary>
/// <param name="InstanceId">Its id.</param>
/// <param name="Name">The orchestrator name.</param>
/// <param name="Status">Runtime status.</param>
/// <param name="CreatedAt">When it was scheduled.</param>
/// <param name="LastUpdatedAt">When it last changed.</param>
/// <param name="CustomStatus">The last custom status (a <see cref="ConversionProgress"/> for conversions), as JSON.</param>
/// <param name="Output">The output (a <see cref="ConversionResult"/> or a batch summary), as JSON, once completed.</param>
/// <param name="Error">Why it failed, when the orchestration itself threw.</param>
public sealed record ConversionInstance(
    string InstanceId,
    string Name,
    InstanceStatus Status,
    DateTime CreatedAt,
    DateTime LastUpdatedAt,
    JsonElement? CustomStatus,
    JsonElement? Output,
    string? Error);
