using System.Text.Json;
using System.Threading.Channels;
using Microsoft.DurableTask;
using Nemo.Conversions;

namespace Nemo.Cli.Runtime;

/// <summary>
/// Runs one instance: replays its history, then loops on its inbox. Every outcome (activity result, timer, child,
/// external event) is appended to the journal and flushed before the orchestration sees it, and only this loop
/// appends, so the journal order is the delivery order.
/// </summary>
internal sealed class InstanceRunner
{
    private readonly LocalOrchestrationRuntime _runtime;
    private readonly ITaskOrchestrator _orchestrator;
    private readonly InstanceJournal _journal;
    private readonly IReadOnlyList<HistoryEvent> _history;
    private readonly bool _isNew;
    private readonly CancellationToken _stopping;
    private readonly CancellationTokenSource _work;
    private readonly Channel<RunnerMessage> _inbox = Channel.CreateUnbounded<RunnerMessage>(new() { SingleReader = true });
    private readonly LocalOrchestrationContext _context;
    private InstanceSnapshot _snapshot;
    private JsonElement? _recordedStatus;
    private bool _finished;

    public InstanceRunner(
        LocalOrchestrationRuntime runtime,
        ITaskOrchestrator orchestrator,
        InstanceJournal journal,
        IReadOnlyList<HistoryEvent> history,
        InstanceSnapshot snapshot,
        bool isNew,
        CancellationToken stopping)
    {
        _runtime = runtime;
        _orchestrator = orchestrator;
        _journal = journal;
        _history = history;
        _snapshot = snapshot;
        _isNew = isNew;
        _stopping = stopping;
        _work = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _context = new LocalOrchestrationContext(snapshot.InstanceId, history, runtime.LoggerFactory);
        _recordedStatus = history.OfType<CustomStatusSet>().LastOrDefault()?.Status;
        _context.ForeignPost = () => TryPost(new DrainRequest());
    }

    public string InstanceId => _snapshot.InstanceId;

    public Task Completion { get; private set; } = Task.CompletedTask;

    public void Start() => Completion = Task.Run(RunAsync, CancellationToken.None);

    public bool TryPost(RunnerMessage message) => _inbox.Writer.TryWrite(message);

    private async Task RunAsync()
    {
        try
        {
            try
            {
                _context.Start(_orchestrator, (ExecutionStarted)_history[0], replaying: !_isNew);
                for (var i = 1; i < _history.Count; i++)
                {
                    _context.Apply(_history[i], replaying: true);
                }

                if (_history[^1] is ExecutionCompleted recorded)
                {
                    Finish(recorded);
                    return;
                }

                if (_snapshot.Status != InstanceStatus.Running)
                {
                    Publish(_snapshot with { Status = InstanceStatus.Running, LastUpdatedAt = Now() });
                }

                AfterStep();
                while (!_finished)
                {
                    var message = await _inbox.Reader.ReadAsync(_stopping).ConfigureAwait(false);
                    Handle(message);
                }
            }
            catch (NonDeterminismException ex)
            {
                Log.NonDeterministic(_runtime.Logger, InstanceId, ex.Message);
                var failed = new ExecutionCompleted(Now(), null, typeof(NonDeterminismException).FullName, ex.Message);
                _journal.Append(failed);
                Finish(failed);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopping: whatever is pending resumes from the journal on the next start.
        }
#pragma warning disable CA1031 // A background loop must not die silently; the cause is logged and the instance resumes later.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.RunnerFailed(_runtime.Logger, InstanceId, ex);
        }
        finally
        {
            _inbox.Writer.TryComplete();
            while (_inbox.Reader.TryRead(out var left))
            {
                (left as RaiseRequest)?.Ack.TrySetResult(false);
            }

            await _work.CancelAsync().ConfigureAwait(false);
            _work.Dispose();
            _journal.Dispose();
            _runtime.OnRunnerExited(this);
        }
    }

    private void Handle(RunnerMessage message)
    {
        switch (message)
        {
            case WorkDone done:
                var id = done.Event.SequenceId!.Value;
                var kind = done.Event switch
                {
                    TaskCompleted or TaskFailed => CommandKind.Activity,
                    TimerFired => CommandKind.Timer,
                    _ => CommandKind.SubOrchestration,
                };
                if (!_context.IsPending(id, kind))
                {
                    return; // A timer the orchestration cancelled, or work it no longer waits for: nothing to record.
                }

                var recorded = done.Event with { Timestamp = Now() };
                _journal.Append(recorded);
                _context.Apply(recorded, replaying: false);
                break;
            case RaiseRequest raise:
                var raised = new EventRaised(Now(), raise.Name, raise.Payload);
                _journal.Append(raised);
                raise.Ack.TrySetResult(true);
                _context.Apply(raised, replaying: false);
                break;
            case DrainRequest:
                _context.RunPosted();
                break;
        }

        AfterStep();
    }

    /// <summary>Records what the last step produced (commands, status, completion), then starts the new work.</summary>
    private void AfterStep()
    {
        var now = Now();
        foreach (var command in _context.TakeUnrecorded())
        {
            _journal.Append(command.ToScheduledEvent(now));
            command.Recorded = true;
        }

        if (!PendingCommand.SameJson(_context.CustomStatus, _recordedStatus))
        {
            _journal.Append(new CustomStatusSet(now, _context.CustomStatus));
            _recordedStatus = _context.CustomStatus;
            Publish(_snapshot with { CustomStatus = _context.CustomStatus, LastUpdatedAt = now });
        }

        // Sends first: an orchestration may send and complete in the same step. A send recorded before a crash is
        // handed over again on resume (at least once).
        foreach (var send in _context.Pending.Where(c => c.Recorded && c.Kind == CommandKind.SendEvent).ToList())
        {
            _context.SendDispatched(send.Id);
            _runtime.Track(_runtime.DeliverEventAsync(send.ChildInstanceId!, send.Name, send.Input, _stopping));
        }

        if (_context.OrchestratorTask is { IsCompleted: true })
        {
            var completed = _context.BuildCompletion(now);
            _journal.Append(completed);
            Finish(completed);
            return;
        }

        foreach (var command in _context.Pending.Where(c => c.Recorded && !c.Dispatched).ToList())
        {
            Dispatch(command);
        }
    }

    private void Dispatch(PendingCommand command)
    {
        command.Dispatched = true;
        command.DispatchCancellation = CancellationTokenSource.CreateLinkedTokenSource(_work.Token);
        var token = command.DispatchCancellation.Token;
        switch (command.Kind)
        {
            case CommandKind.Activity:
                _runtime.StartActivity(this, command.Id, command.Name, command.Input, command.Retry, token);
                break;
            case CommandKind.Timer:
                _runtime.Track(FireTimerAsync(command.Id, command.IssuedAt, command.FireAt, token));
                break;
            default:
                _runtime.Track(RunChildAsync(command.Id, command.Name, command.ChildInstanceId!, command.Input, token));
                break;
        }
    }

    private async Task FireTimerAsync(int id, DateTime issuedAt, DateTime fireAt, CancellationToken cancellationToken)
    {
        var time = _runtime.TimeProvider;

        // The wait is shortened, not the clock: with TimerScale 0.02 a 60 s timer is due 1.2 s after it was created, and
        // fires then with the true time, earlier than fireAt. Orchestrations measure the service by what they waited
        // (ConversionSteps.ServiceNow), so they see 60 s pass while every recorded time stays a real one.
        var due = fireAt > issuedAt ? issuedAt + _runtime.Shorten(fireAt - issuedAt) : fireAt;
        try
        {
            // Task.Delay takes at most ~49 days; durable timers may be longer.
            for (var remaining = due - time.GetUtcNow().UtcDateTime; remaining > TimeSpan.Zero; remaining = due - time.GetUtcNow().UtcDateTime)
            {
                await Task.Delay(remaining < TimeSpan.FromDays(30) ? remaining : TimeSpan.FromDays(30), time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            return;
        }

        TryPost(new WorkDone(new TimerFired(default, id)));
    }

    private async Task RunChildAsync(int id, string name, string childId, JsonElement? input, CancellationToken cancellationToken)
    {
        HistoryEvent outcome;
        try
        {
            await _runtime.CreateInstanceAsync(name, childId, input, InstanceId, cancellationToken).ConfigureAwait(false);
            var child = await _runtime.WaitForSnapshotAsync(childId, cancellationToken).ConfigureAwait(false);
            outcome = child.Status == InstanceStatus.Completed
                ? new SubOrchestrationCompleted(default, id, child.Output)
                : new SubOrchestrationFailed(default, id, child.ErrorType ?? child.Status.ToString(), child.Error ?? "The child instance did not complete.");
        }
        catch (OperationCanceledException)
        {
            return;
        }
        catch (ArgumentException ex)
        {
            outcome = new SubOrchestrationFailed(default, id, ex.GetType().FullName!, ex.Message);
        }

        TryPost(new WorkDone(outcome));
    }

    private void Finish(ExecutionCompleted completed)
    {
        _finished = true;
        Publish(_snapshot with
        {
            Status = completed.Failed ? InstanceStatus.Failed : InstanceStatus.Completed,
            LastUpdatedAt = completed.Timestamp,
            CustomStatus = _context.CustomStatus ?? _snapshot.CustomStatus,
            Output = completed.Output,
            Error = completed.Failed ? completed.Message : null,
            ErrorType = completed.ErrorType,
        });
        Log.InstanceFinished(_runtime.Logger, InstanceId, _snapshot.Status);
    }

    private void Publish(InstanceSnapshot snapshot)
    {
        _snapshot = snapshot;
        _runtime.Publish(_journal, snapshot);
    }

    private DateTime Now() => _runtime.TimeProvider.GetUtcNow().UtcDateTime;
}

/// <summary>Something for an instance's loop to record and deliver.</summary>
internal abstract record RunnerMessage;

/// <summary>Work finished: an activity result, a fired timer, a child's outcome (timestamp set when recorded).</summary>
internal sealed record WorkDone(HistoryEvent Event) : RunnerMessage;

/// <summary>Orchestration code queued work from another thread; run a step to drain it.</summary>
internal sealed record DrainRequest : RunnerMessage;

/// <summary>An external event; <paramref name="Ack"/> says whether it was recorded.</summary>
internal sealed record RaiseRequest(string Name, JsonElement? Payload, TaskCompletionSource<bool> Ack) : RunnerMessage;
