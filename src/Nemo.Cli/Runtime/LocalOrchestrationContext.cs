using System.Text.Json;
using Nemo.Conversions;

namespace Nemo.Cli.Runtime;

/// <summary>
/// The local runtime's <see cref="IOrchestrationContext"/>: commands get sequence ids in the order the code issues them
/// and are checked against the recorded history; completions arrive through <see cref="Apply"/> in history order.
/// </summary>
internal sealed partial class LocalOrchestrationContext : IOrchestrationContext
{
    private readonly OrchestrationSynchronizationContext _sync = new();
    private readonly SortedDictionary<int, PendingCommand> _pending = [];
    private readonly List<PendingCommand> _unrecorded = [];
    private readonly Dictionary<int, HistoryEvent> _recorded = [];
    private readonly Dictionary<string, Queue<JsonElement?>> _buffered = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, LinkedList<EventWaiter>> _waiters = new(StringComparer.OrdinalIgnoreCase);
    private readonly bool _historyCompleted;
    private readonly ILoggerFactory _loggerFactory;
    private int _nextId;

    public LocalOrchestrationContext(string instanceId, IReadOnlyList<HistoryEvent> history, ILoggerFactory loggerFactory)
    {
        InstanceId = instanceId;
        _loggerFactory = loggerFactory;
        foreach (var historyEvent in history)
        {
            if (historyEvent is TaskScheduled or TimerCreated or SubOrchestrationCreated or EventSent)
            {
                _recorded[historyEvent.SequenceId!.Value] = historyEvent;
            }

            _historyCompleted |= historyEvent is ExecutionCompleted;
        }
    }

    public string InstanceId { get; }

    public DateTime CurrentUtcDateTime { get; private set; }

    public bool IsReplaying { get; private set; }

    /// <summary>The last custom status the code set, as JSON.</summary>
    public JsonElement? CustomStatus { get; private set; }

    /// <summary>The divergence found, if any; the run must stop.</summary>
    public NonDeterminismException? Fault { get; private set; }

    /// <summary>The orchestrator function's task, once started.</summary>
    public Task<object?>? OrchestratorTask { get; private set; }

    /// <summary>Commands issued and not completed, by sequence id.</summary>
    public IEnumerable<PendingCommand> Pending => _pending.Values;

    public Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, ActivityRetryPolicy? retry = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var json = ToJson(input);
        var completion = new TaskCompletionSource<TResult>();
        Issue(id => new PendingCommand
        {
            Id = id,
            Kind = CommandKind.Activity,
            Name = name,
            Input = json,
            Retry = retry,
            Complete = result => SetFromJson(completion, result),
            Fail = error => completion.TrySetException(error),
        });
        return completion.Task;
    }

    public Task<TResult> CallSubOrchestratorAsync<TResult>(string name, string instanceId, object? input = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        InstanceIdRules.Validate(instanceId);
        var json = ToJson(input);
        var completion = new TaskCompletionSource<TResult>();
        Issue(id => new PendingCommand
        {
            Id = id,
            Kind = CommandKind.SubOrchestration,
            Name = name,
            ChildInstanceId = instanceId,
            Input = json,
            Complete = result => SetFromJson(completion, result),
            Fail = error => completion.TrySetException(error),
        });
        return completion.Task;
    }

    public Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        var utc = fireAt.Kind == DateTimeKind.Local ? fireAt.ToUniversalTime() : DateTime.SpecifyKind(fireAt, DateTimeKind.Utc);
        var completion = new TaskCompletionSource();
        var command = Issue(id => new PendingCommand
        {
            Id = id,
            Kind = CommandKind.Timer,
            Name = "timer",
            FireAt = utc,
            Complete = _ => completion.TrySetResult(),
            Fail = error => completion.TrySetException(error),
            Cancel = () => completion.TrySetCanceled(cancellationToken),
        });
        if (cancellationToken.CanBeCanceled)
        {
            // Posted, not run inline: cancellation is applied on the orchestration's own thread, in order.
            command.Registration = cancellationToken.Register(() => _sync.Post(_ => CancelCommand(command.Id), null));
        }

        return completion.Task;
    }

    public Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        var completion = new TaskCompletionSource<T>();
        if (_buffered.TryGetValue(eventName, out var queue) && queue.TryDequeue(out var payload))
        {
            SetFromJson(completion, payload);
            return completion.Task;
        }

        if (!_waiters.TryGetValue(eventName, out var waiters))
        {
            waiters = new LinkedList<EventWaiter>();
            _waiters[eventName] = waiters;
        }

        var waiter = new EventWaiter(json => SetFromJson(completion, json), () => completion.TrySetCanceled(cancellationToken));
        var node = waiters.AddLast(waiter);
        if (cancellationToken.CanBeCanceled)
        {
            waiter.Registration = cancellationToken.Register(() => _sync.Post(
                _ =>
                {
                    if (node.List is not null)
                    {
                        waiters.Remove(node);
                        waiter.Cancel();
                    }
                },
                null));
        }

        return completion.Task;
    }

    public void SendEvent(string instanceId, string eventName, object payload)
    {
        InstanceIdRules.Validate(instanceId);
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        Issue(id => new PendingCommand
        {
            Id = id,
            Kind = CommandKind.SendEvent,
            Name = eventName,
            ChildInstanceId = instanceId,
            Input = ToJson(payload),
            Complete = static _ => { },
            Fail = static _ => { },
        });
    }

    public void SetCustomStatus(object? customStatus) => CustomStatus = ToJson(customStatus);

    public ILogger CreateReplaySafeLogger(string categoryName) =>
        new ReplaySafeLogger(_loggerFactory.CreateLogger(categoryName), this);

    /// <summary>Called when orchestration work was queued from another thread; the owner should call <see cref="RunPosted"/>.</summary>
    public Action? ForeignPost
    {
        get => _sync.ForeignPost;
        set => _sync.ForeignPost = value;
    }

    /// <summary>Runs whatever was queued from other threads.</summary>
    public void RunPosted() => _sync.Run(static () => { });

    /// <summary>Commands issued since the last call that are not in the journal yet.</summary>
    public List<PendingCommand> TakeUnrecorded()
    {
        var taken = _unrecorded.ToList();
        _unrecorded.Clear();
        return taken;
    }

    public bool IsPending(int id, CommandKind kind) => _pending.TryGetValue(id, out var command) && command.Kind == kind;

    /// <summary>Sends need no answer: once handed to the runtime they are done.</summary>
    public void SendDispatched(int id) => _pending.Remove(id);

    internal static JsonElement? ToJson(object? value) =>
        value is null ? null : JsonSerializer.SerializeToElement(value, value.GetType(), ConversionJson.Compact);

    private PendingCommand Issue(Func<int, PendingCommand> create)
    {
        if (Fault is not null)
        {
            throw Fault;
        }

        var command = create(_nextId++);
        if (_recorded.TryGetValue(command.Id, out var scheduled))
        {
            if (!command.Matches(scheduled))
            {
                throw Diverged($"At position #{command.Id} the history records {PendingCommand.Describe(scheduled)}, "
                    + $"but the orchestration now schedules {command.Describe()}.");
            }

            command.Recorded = true;
        }
        else if (_historyCompleted)
        {
            throw Diverged($"The orchestration schedules {command.Describe()} beyond its history, which says it completed.");
        }
        else
        {
            _unrecorded.Add(command);
        }

        _pending.Add(command.Id, command);
        return command;
    }

    private void CancelCommand(int id)
    {
        if (_pending.Remove(id, out var command))
        {
            command.Registration.Dispose();
            command.DispatchCancellation?.Cancel();
            command.Cancel?.Invoke();
        }
    }

    private static void SetFromJson<T>(TaskCompletionSource<T> completion, JsonElement? json)
    {
        try
        {
            completion.TrySetResult(json is null ? default! : json.Value.Deserialize<T>(ConversionJson.Compact)!);
        }
        catch (JsonException ex)
        {
            completion.TrySetException(ex);
        }
        catch (NotSupportedException ex)
        {
            completion.TrySetException(ex);
        }
    }

    private NonDeterminismException Diverged(string message)
    {
        Fault ??= new NonDeterminismException($"Instance '{InstanceId}': {message}");
        return Fault;
    }

    private sealed class EventWaiter(Action<JsonElement?> complete, Action cancel)
    {
        public CancellationTokenRegistration Registration { get; set; }

        public void Complete(JsonElement? payload)
        {
            Registration.Dispose();
            complete(payload);
        }

        public void Cancel()
        {
            Registration.Dispose();
            cancel();
        }
    }
}
