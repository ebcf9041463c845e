using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Nemo.Functions.Tests.Durable;

/// <summary>
/// A <see cref="DurableTaskClient"/> (the real abstract class) over an in-memory instance table, recording what is
/// scheduled, raised and queried.
/// </summary>
internal sealed class RecordingDurableTaskClient : DurableTaskClient
{
    public RecordingDurableTaskClient()
        : base("test")
    {
    }

    public DateTimeOffset Now { get; set; } = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public Dictionary<string, OrchestrationMetadata> Instances { get; } = new(StringComparer.Ordinal);

    public List<(string Name, object? Input, StartOrchestrationOptions? Options)> Scheduled { get; } = [];

    public List<(string InstanceId, string EventName, object? Payload)> RaisedEvents { get; } = [];

    public List<(string InstanceId, bool InputsAndOutputs)> Lookups { get; } = [];

    public List<OrchestrationQuery?> Queries { get; } = [];

    /// <summary>When set, scheduling throws it (after the existence check has passed).</summary>
    public Exception? ScheduleFailure { get; set; }

    public OrchestrationMetadata Add(
        string instanceId,
        OrchestrationRuntimeStatus status,
        DateTimeOffset createdAt,
        string name = "Conversion",
        string? customStatus = null,
        string? output = null,
        TaskFailureDetails? failure = null)
    {
        var metadata = new OrchestrationMetadata(name, instanceId)
        {
            RuntimeStatus = status,
            CreatedAt = createdAt,
            LastUpdatedAt = createdAt.AddMinutes(1),
            SerializedCustomStatus = customStatus,
            SerializedOutput = output,
            FailureDetails = failure,
        };
        Instances[instanceId] = metadata;
        return metadata;
    }

    public override Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        if (ScheduleFailure is { } failure)
        {
            throw failure;
        }

        var id = options?.InstanceId ?? throw new InvalidOperationException("The scheduler always names its instances.");
        Scheduled.Add((orchestratorName.Name, input, options));
        Add(id, OrchestrationRuntimeStatus.Pending, Now, orchestratorName.Name);
        return Task.FromResult(id);
    }

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        RaisedEvents.Add((instanceId, eventName, eventPayload));
        return Task.CompletedTask;
    }

    public override Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        Lookups.Add((instanceId, getInputsAndOutputs));
        return Task.FromResult(Instances.GetValueOrDefault(instanceId));
    }

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null)
    {
        Queries.Add(filter);

        // Two pages, in storage order (not by time), to show the scheduler reads them all and sorts.
        var all = Instances.Values.OrderBy(m => m.InstanceId, StringComparer.Ordinal).ToList();
        var half = all.Count / 2;
        return Pageable.Create<OrchestrationMetadata>((continuation, _) => Task.FromResult(continuation is null
            ? new Page<OrchestrationMetadata>([.. all.Take(half)], "next")
            : new Page<OrchestrationMetadata>([.. all.Skip(half)], null)));
    }

    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
