using System.Text.Json;
using Microsoft.DurableTask;
using Nemo.Conversions;

namespace Nemo.Cli.Runtime;

/// <summary>Driving the orchestration through its history, one event (one step) at a time.</summary>
internal sealed partial class LocalOrchestrationContext
{
    /// <summary>Starts the orchestrator function; it runs until it first awaits something not yet completed.</summary>
    public void Start(ITaskOrchestrator orchestrator, ExecutionStarted started, bool replaying)
    {
        _currentUtcDateTime = started.Timestamp;
        _isReplaying = replaying;
        _sync.Run(() =>
        {
            try
            {
                var input = started.Input?.Deserialize(orchestrator.InputType, ConversionJson.Compact);
                OrchestratorTask = orchestrator.RunAsync(this, input);
            }
#pragma warning disable CA1031 // Whatever the orchestrator throws synchronously is its failure, recorded with its type.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                OrchestratorTask = Task.FromException<object?>(ex);
            }
        });
        ThrowIfFaulted();
    }

    /// <summary>
    /// Delivers one history event. While replaying, also checks that the code still does what the history says.
    /// </summary>
    /// <exception cref="NonDeterminismException">The code diverged from the history.</exception>
    public void Apply(HistoryEvent historyEvent, bool replaying)
    {
        _currentUtcDateTime = historyEvent.Timestamp;
        _isReplaying = replaying;
        switch (historyEvent)
        {
            case ExecutionStarted:
                throw Diverged("The history holds a second ExecutionStarted event.");
            case TaskScheduled or TimerCreated or SubOrchestrationCreated or EventSent:
                // Matched when the code issued the command; here only check that it did issue it by now.
                if (historyEvent.SequenceId >= _nextId)
                {
                    throw Diverged($"The history records {PendingCommand.Describe(historyEvent)}, "
                        + $"but the orchestration did not schedule it ({PendingSummary()}).");
                }

                break;
            case TaskCompleted completed:
                Deliver(completed, CommandKind.Activity, command => command.Complete(completed.Result));
                break;
            case TaskFailed failed:
                Deliver(failed, CommandKind.Activity, command =>
                    command.Fail(Failed(command, failed.ErrorType, failed.Message)));
                break;
            case TimerFired fired:
                Deliver(fired, CommandKind.Timer, command => command.Complete(null));
                break;
            case SubOrchestrationCompleted completed:
                Deliver(completed, CommandKind.SubOrchestration, command => command.Complete(completed.Result));
                break;
            case SubOrchestrationFailed failed:
                Deliver(failed, CommandKind.SubOrchestration, command =>
                    command.Fail(Failed(command, failed.ErrorType, failed.Message)));
                break;
            case EventRaised raised:
                _sync.Run(() => DeliverEvent(raised.Name, raised.Payload));
                break;
            case CustomStatusSet status when replaying && !PendingCommand.SameJson(status.Status, CustomStatus):
                throw Diverged($"The history records custom status {Raw(status.Status)}, but the orchestration set {Raw(CustomStatus)}.");
            case ExecutionCompleted completed when replaying:
                VerifyCompletion(completed);
                break;
        }

        ThrowIfFaulted();
    }

    /// <summary>The completion event for the finished orchestrator task.</summary>
    public ExecutionCompleted BuildCompletion(DateTime timestamp)
    {
        var task = OrchestratorTask ?? throw new InvalidOperationException("The orchestration has not started.");
        if (task.IsCompletedSuccessfully)
        {
            try
            {
                return new ExecutionCompleted(timestamp, ToJson(task.Result));
            }
            catch (JsonException ex)
            {
                return Failure(timestamp, ex);
            }
            catch (NotSupportedException ex)
            {
                return Failure(timestamp, ex);
            }
        }

        return task.IsCanceled
            ? new ExecutionCompleted(timestamp, null, typeof(TaskCanceledException).FullName, "The orchestration was canceled.")
            : Failure(timestamp, task.Exception!.InnerException ?? task.Exception);
    }

    private static ExecutionCompleted Failure(DateTime timestamp, Exception error) =>
        new(timestamp, null, error.GetType().FullName ?? error.GetType().Name, error.Message);

    private void Deliver(HistoryEvent historyEvent, CommandKind kind, Action<PendingCommand> deliver)
    {
        var id = historyEvent.SequenceId!.Value;
        if (!_pending.Remove(id, out var command) || command.Kind != kind)
        {
            throw Diverged($"The history completes {kind} #{id} ({historyEvent.GetType().Name}), "
                + $"but the orchestration is not waiting for it ({PendingSummary()}).");
        }

        command.Registration.Dispose();
        _sync.Run(() => deliver(command));
    }

    private void DeliverEvent(string name, JsonElement? payload)
    {
        if (_waiters.TryGetValue(name, out var waiters) && waiters.First is { } first)
        {
            waiters.RemoveFirst();
            first.Value.Complete(payload);
            return;
        }

        if (!_buffered.TryGetValue(name, out var queue))
        {
            queue = new Queue<JsonElement?>();
            _buffered[name] = queue;
        }

        queue.Enqueue(payload);
    }

    private void VerifyCompletion(ExecutionCompleted recorded)
    {
        if (OrchestratorTask is not { IsCompleted: true })
        {
            throw Diverged($"The history says the orchestration completed, but it is still waiting ({PendingSummary()}).");
        }

        var replayed = BuildCompletion(recorded.Timestamp);
        var same = recorded.Failed
            ? replayed.ErrorType == recorded.ErrorType
            : !replayed.Failed && PendingCommand.SameJson(recorded.Output, replayed.Output);
        if (!same)
        {
            throw Diverged($"The history records the result {Describe(recorded)}, but the replay produced {Describe(replayed)}.");
        }
    }

    private void ThrowIfFaulted()
    {
        if (Fault is not null)
        {
            throw Fault;
        }
    }

    private string PendingSummary() =>
        _pending.Count == 0 ? "nothing pending" : "pending: " + string.Join(", ", _pending.Values.Select(c => c.Describe()));

    private static string Describe(ExecutionCompleted completed) =>
        completed.Failed ? $"failure {completed.ErrorType}: {completed.Message}" : $"output {Raw(completed.Output)}";

    private static string Raw(JsonElement? json) => json?.GetRawText() ?? "null";
}
