using System.Text.Json;
using Nemo.Conversions;

namespace Nemo.Cli.Runtime;

/// <summary>Creating, resuming, verifying and publishing instances.</summary>
public sealed partial class LocalOrchestrationRuntime
{
    /// <summary>How long an event sent by an orchestration waits for its target to start running.</summary>
    private static readonly TimeSpan EventDeliveryWindow = TimeSpan.FromSeconds(30);

    private const int MaxDeliveryAttempts = 4;

    /// <summary>Creates and starts an instance unless one with that id exists (in memory or on disk).</summary>
    internal async Task<bool> CreateInstanceAsync(
        string orchestratorName, string instanceId, JsonElement? input, string? parentInstanceId, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_orchestrators.TryGetValue(orchestratorName, out var definition))
        {
            throw new ArgumentException($"No orchestrator named '{orchestratorName}' is registered.", nameof(orchestratorName));
        }

        await _createGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_runners.ContainsKey(instanceId))
            {
                return false;
            }

            var journal = new InstanceJournal(InstanceDirectory(instanceId));
            if (journal.Load().Count > 0)
            {
                journal.Dispose();
                return false;
            }

            var now = TimeProvider.GetUtcNow().UtcDateTime;
            var started = new ExecutionStarted(now, orchestratorName, input, parentInstanceId);
            journal.Append(started);
            var snapshot = new InstanceSnapshot(instanceId, orchestratorName, InstanceStatus.Pending, now, now, ParentInstanceId: parentInstanceId);
            Publish(journal, snapshot);
            Launch(new InstanceRunner(this, definition, journal, [started], snapshot, isNew: true, _stopping.Token));
            return true;
        }
        finally
        {
            _createGate.Release();
        }
    }

    internal async Task<InstanceSnapshot> WaitForSnapshotAsync(string instanceId, CancellationToken cancellationToken)
    {
        InstanceIdRules.Validate(instanceId);
        var completion = _completions.GetOrAdd(instanceId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
        var snapshot = ReadSnapshot(instanceId) ?? throw new InvalidOperationException($"There is no instance '{instanceId}'.");
        return snapshot.IsTerminal ? snapshot : await completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the snapshot, then tells watchers and waiters.</summary>
    internal void Publish(InstanceJournal journal, InstanceSnapshot snapshot)
    {
        journal.WriteSnapshot(snapshot);
        _feeds.GetOrAdd(snapshot.InstanceId, _ => new StatusFeed()).Publish(snapshot.ToInstance());
        if (snapshot.IsTerminal)
        {
            _completions.GetOrAdd(snapshot.InstanceId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(snapshot);
        }
    }

    internal void OnRunnerExited(InstanceRunner runner)
    {
        if (_runners.TryRemove(new KeyValuePair<string, InstanceRunner>(runner.InstanceId, runner)))
        {
            _launches.TryRemove(runner.InstanceId, out _);
        }
    }

    internal void Track(Task task)
    {
        lock (_backgroundGate)
        {
            _background.Add(task);
        }

        task.ContinueWith(
            done =>
            {
                lock (_backgroundGate)
                {
                    _background.Remove(done);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void Resume(string instanceId, InstanceJournal journal)
    {
        var snapshot = journal.ReadSnapshot();
        if (snapshot is { IsTerminal: true })
        {
            journal.Dispose();
            return;
        }

        var history = journal.Load();
        if (journal.HadTornTail)
        {
            Log.TornJournalLine(Logger, instanceId);
        }

        if (history is not [ExecutionStarted started, ..])
        {
            journal.Dispose(); // Never started: creation was interrupted before its first event was written.
            return;
        }

        if (!_orchestrators.TryGetValue(started.Name, out var definition))
        {
            Log.UnknownOrchestrator(Logger, instanceId, started.Name);
            journal.Dispose();
            return;
        }

        if (snapshot is null)
        {
            snapshot = new InstanceSnapshot(instanceId, started.Name, InstanceStatus.Pending, started.Timestamp, started.Timestamp,
                ParentInstanceId: started.ParentInstanceId);
            Publish(journal, snapshot);
        }

        Log.InstanceResumed(Logger, instanceId, started.Name, history.Count);
        Launch(new InstanceRunner(this, definition, journal, history, snapshot, isNew: false, _stopping.Token));
    }

    private void Launch(InstanceRunner runner)
    {
        _runners[runner.InstanceId] = runner;
        runner.Start();
        _launches.GetOrAdd(runner.InstanceId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>
    /// Hands an event an orchestration sent to its target: recorded there now, or once the target's runner starts (a
    /// child scheduled a moment ago, or one still resuming). Dropped, as Durable drops it, when the target has finished
    /// or does not start within <see cref="EventDeliveryWindow"/>.
    /// </summary>
    internal async Task DeliverEventAsync(string instanceId, string eventName, JsonElement? payload, CancellationToken stopping)
    {
        try
        {
            for (var attempt = 0; attempt < MaxDeliveryAttempts; attempt++)
            {
                if (await RaiseEventAsync(instanceId, eventName, payload, stopping).ConfigureAwait(false))
                {
                    return;
                }

                if (_runners.TryGetValue(instanceId, out var closing))
                {
                    // Running but no longer taking events: it is finishing or stopping.
                    await closing.Completion.WaitAsync(stopping).ConfigureAwait(false);
                    continue;
                }

                if (ReadSnapshot(instanceId) is { IsTerminal: true })
                {
                    break;
                }

                var launched = _launches.GetOrAdd(instanceId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
                if (!_runners.ContainsKey(instanceId))
                {
                    await launched.Task.WaitAsync(EventDeliveryWindow, stopping).ConfigureAwait(false);
                }
            }
        }
        catch (TimeoutException)
        {
            // Never started: dropped below.
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return; // Stopping: the sender re-sends it when it resumes.
        }

        Log.EventDropped(Logger, instanceId, eventName);
    }

    private void Verify(string instanceId, CancellationToken cancellationToken)
    {
        using var journal = new InstanceJournal(InstanceDirectory(instanceId));
        var history = journal.Load();
        if (history is not [ExecutionStarted started, ..])
        {
            throw new InvalidOperationException($"Instance '{instanceId}' has no recorded history.");
        }

        if (!_orchestrators.TryGetValue(started.Name, out var definition))
        {
            throw new InvalidOperationException($"Instance '{instanceId}' uses orchestrator '{started.Name}', which is not registered.");
        }

        using var foreign = new SemaphoreSlim(0);
        var context = new LocalOrchestrationContext(instanceId, history, LoggerFactory) { ForeignPost = () => foreign.Release() };
        context.Start(definition, started, replaying: true);
        foreach (var historyEvent in history.Skip(1))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (historyEvent is ExecutionCompleted && context.OrchestratorTask is { IsCompleted: false }
                && foreign.Wait(TimeSpan.FromSeconds(1), cancellationToken))
            {
                // Work queued from another thread (CancelAsync's callbacks): let it run before judging the result.
                context.RunPosted();
            }

            context.Apply(historyEvent, replaying: true);
        }
    }

    private InstanceSnapshot? ReadSnapshot(string instanceId)
    {
        using var journal = new InstanceJournal(InstanceDirectory(instanceId));
        return journal.ReadSnapshot();
    }

    private string InstanceDirectory(string instanceId) => Path.Combine(_instancesRoot, instanceId);
}
