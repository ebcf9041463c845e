using System.Text.Json;
using Microsoft.DurableTask;
using Nemo.Conversions;

namespace Nemo.Cli.Runtime;

/// <summary>
/// The local runtime's <see cref="TaskOrchestrationContext"/>, over its journal: commands get sequence ids in the order
/// the code issues them and are checked against the recorded history; completions arrive through <see cref="Apply"/> in
/// history order. What the pipeline does not use and a one-machine journal cannot honour (continue-as-new, entities,
/// replay-safe GUIDs, retry handlers) throws <see cref="NotSupportedException"/> saying so.
/// </summary>
internal sealed partial class LocalOrchestrationContext : TaskOrchestrationContext
{
    private readonly OrchestrationSynchronizationContext _sync = new();
    private readonly SortedDictionary<int, PendingCommand> _pending = [];
    private readonly List<PendingCommand> _unrecorded = [];
    private readonly Dictionary<int, HistoryEvent> _recorded = [];
    private readonly Dictionary<string, Queue<JsonElement?>> _buffered = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, LinkedList<EventWaiter>> _waiters = new(StringComparer.OrdinalIgnoreCase);
    private readonly bool _historyCompleted;
    private readonly ExecutionStarted _started;
    private DateTime _currentUtcDateTime;
    private bool _isReplaying;
    private int _nextId;

    public LocalOrchestrationContext(string instanceId, IReadOnlyList<HistoryEvent> history, ILoggerFactory loggerFactory)
    {
        InstanceId = instanceId;
        LoggerFactory = loggerFactory;
        _started = history.Count > 0 && history[0] is ExecutionStarted started
            ? started
            : throw new ArgumentException($"Instance '{instanceId}': a history starts with ExecutionStarted.", nameof(history));
        foreach (var historyEvent in history)
        {
            if (historyEvent is TaskScheduled or TimerCreated or SubOrchestrationCreated or EventSent)
            {
                _recorded[historyEvent.SequenceId!.Value] = historyEvent;
            }

            _historyCompleted |= historyEvent is ExecutionCompleted;
        }
    }

    public override TaskName Name => _started.Name;

    public override string InstanceId { get; }

    /// <summary>The batch that started this instance, if any (the local runtime records its id; its name is not kept).</summary>
    public override ParentOrchestrationInstance? Parent =>
        _started.ParentInstanceId is { } parent ? new ParentOrchestrationInstance(default, parent) : null;

    public override DateTime CurrentUtcDateTime => _currentUtcDateTime;

    public override bool IsReplaying => _isReplaying;

    protected override ILoggerFactory LoggerFactory { get; }

    /// <summary>The last custom status the code set, as JSON.</summary>
    public JsonElement? CustomStatus { get; private set; }

    /// <summary>The divergence found, if any; the run must stop.</summary>
    public NonDeterminismException? Fault { get; private set; }

    /// <summary>The orchestrator function's task, once started.</summary>
    public Task<object?>? OrchestratorTask { get; private set; }

    /// <summary>Commands issued and not completed, by sequence id.</summary>
    public IEnumerable<PendingCommand> Pending => _pending.Values;

    public override T? GetInput<T>()
        where T : default => _started.Input is { } input ? input.Deserialize<T>(ConversionJson.Compact) : default;

    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name.Name);
        var retry = RetryPolicyOf(options);
        var json = ToJson(input);
        var completion = new TaskCompletionSource<TResult>();
        Issue(id => new PendingCommand
        {
            Id = id,
            Kind = CommandKind.Activity,
            Name = name.Name,
            Input = json,
            Retry = retry,
            Complete = result => SetFromJson(completion, result),
            Fail = error => completion.TrySetException(error),
        });
        return completion.Task;
    }

    /// <summary>
    /// Runs another orchestration as a child. Its instance id comes from <see cref="SubOrchestrationOptions.InstanceId"/>
    /// and is required: ids derive from the source, never random, so a resumed parent finds its children again.
    /// </summary>
    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(orchestratorName.Name);
        var instanceId = (options as SubOrchestrationOptions)?.InstanceId
            ?? throw new NotSupportedException("The local runtime needs the child's instance id: pass SubOrchestrationOptions with InstanceId set.");
        InstanceIdRules.Validate(instanceId);
        if (options?.Retry is not null)
        {
            throw new NotSupportedException("The local runtime does not retry child orchestrations; retry inside the child instead.");
        }

        var json = ToJson(input);
        var completion = new TaskCompletionSource<TResult>();
        Issue(id => new PendingCommand
        {
            Id = id,
            Kind = CommandKind.SubOrchestration,
            Name = orchestratorName.Name,
            ChildInstanceId = instanceId,
            Input = json,
            Complete = result => SetFromJson(completion, result),
            Fail = error => completion.TrySetException(error),
        });
        return completion.Task;
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
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
            IssuedAt = _currentUtcDateTime,
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

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
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

    public override void SendEvent(string instanceId, string eventName, object payload)
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

    public override void SetCustomStatus(object? customStatus) => CustomStatus = ToJson(customStatus);

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        throw new NotSupportedException("The local runtime does not continue instances as new: its orchestrations finish in one history.");

    public override Guid NewGuid() =>
        throw new NotSupportedException("The local runtime has no replay-safe GUIDs: derive ids from the instance id instead.");

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

    /// <summary>The retry policy in <paramref name="options"/>; a retry handler (code deciding at run time) is not supported.</summary>
    private static RetryPolicy? RetryPolicyOf(TaskOptions? options) => options?.Retry switch
    {
        null => null,
        { Policy: { } policy } => policy,
        _ => throw new NotSupportedException("The local runtime retries activities by RetryPolicy only, not by a retry handler."),
    };

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

    /// <summary>What the code sees when an activity or child failed: the SDK's exception, with the failure's type and message.</summary>
    private static TaskFailedException Failed(PendingCommand command, string errorType, string message) =>
        new(command.Name, command.Id, new TaskFailureDetails(errorType, message, StackTrace: null, InnerFailure: null, Properties: null));

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
