using DurableTask.Core;
using DurableTask.Core.History;
using Microsoft.DurableTask.Testing.Sidecar;

namespace Nemo.Benchmarks.Engine;

/// <summary>
/// The in-memory backend, unchanged, that also keeps a readable copy of what it persists: each completed orchestration
/// work item's new history events, appended per instance exactly as the backend appends them to its own store.
/// </summary>
internal sealed class HistoryRecordingInMemoryService : InMemoryOrchestrationService, IOrchestrationService
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<HistoryEvent>> _histories = new(StringComparer.Ordinal);

    /// <summary>The history persisted so far for <paramref name="instanceId"/>.</summary>
    public IReadOnlyList<HistoryEvent> HistoryOf(string instanceId)
    {
        lock (_gate)
        {
            return _histories.TryGetValue(instanceId, out var history) ? [.. history] : [];
        }
    }

    // Re-implements the one interface member the engine persists through; everything else is the base class's.
    Task IOrchestrationService.CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages,
        IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage,
        OrchestrationState orchestrationState)
    {
        lock (_gate)
        {
            var instanceId = newOrchestrationRuntimeState.OrchestrationInstance!.InstanceId;
            if (!_histories.TryGetValue(instanceId, out var history))
            {
                _histories[instanceId] = history = [];
            }

            history.AddRange(newOrchestrationRuntimeState.NewEvents);
        }

        return CompleteTaskOrchestrationWorkItemAsync(
            workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);
    }
}
