using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Nemo.Conversions.Tests.Testing;

/// <summary>
/// A scripted <see cref="TaskOrchestrationContext"/> that runs an orchestrator to its end at once: activity results come from
/// a script (a handler per activity name, or a queue of results), timers advance a virtual clock instantly, events can
/// be raised from inside a handler, and every call is recorded in <see cref="Calls"/>. Inputs and results are
/// round-tripped through <see cref="ConversionJson.Compact"/> as the real runtimes do.
/// </summary>
internal sealed class ScriptedOrchestrationContext : TaskOrchestrationContext
{
    private readonly Dictionary<string, Func<object?, object?>> _handlers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<object?>> _queues = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TaskCompletionSource<object?>> _events = new(StringComparer.Ordinal);
    private readonly Dictionary<string, object?> _pendingEvents = new(StringComparer.Ordinal);

    private DateTime _now;

    public ScriptedOrchestrationContext(string instanceId = "conv-test", DateTime? start = null)
    {
        InstanceId = instanceId;
        _now = start ?? new DateTime(2025, 6, 1, 12, 0, 0, DateTimeKind.Utc);
    }

    public override TaskName Name => "Scripted";

    public override string InstanceId { get; }

    public override ParentOrchestrationInstance? Parent => null;

    public override DateTime CurrentUtcDateTime => _now;

    /// <summary>
    /// How far the clock moves per second a timer waits: 1 fires each timer at its time; 0.01 is a runtime that
    /// shortens waits but keeps a true clock (nemo against its simulator), where a timer fires before its time.
    /// </summary>
    public double TimerScale { get; init; } = 1;

    public override bool IsReplaying => false;

    protected override ILoggerFactory LoggerFactory => NullLoggerFactory.Instance;

    /// <summary>Every call in order: <c>activity:Name input-json</c>, <c>timer:+seconds</c>, <c>status:json</c>, ….</summary>
    public List<string> Calls { get; } = [];

    /// <summary>The activity calls in order, with their inputs as JSON.</summary>
    public List<(string Name, JsonElement? Input, TaskOptions? Options)> Activities { get; } = [];

    /// <summary>The timer delays in order.</summary>
    public List<TimeSpan> Timers { get; } = [];

    /// <summary>The custom statuses in order.</summary>
    public List<ConversionProgress?> Statuses { get; } = [];

    /// <summary>How many timers were cancelled.</summary>
    public int CancelledTimers { get; private set; }

    /// <summary>Runs <paramref name="handler"/> for every call of <paramref name="activity"/> (it sees the typed input as JSON).</summary>
    public ScriptedOrchestrationContext On(string activity, Func<JsonElement?, object?> handler)
    {
        _handlers[activity] = input => handler(input is null ? null : JsonSerializer.SerializeToElement(input, ConversionJson.Compact));
        return this;
    }

    /// <summary>Answers every call of <paramref name="activity"/> with <paramref name="result"/>.</summary>
    public ScriptedOrchestrationContext Always(string activity, object? result) => On(activity, _ => result);

    /// <summary>Answers the next calls of <paramref name="activity"/> with <paramref name="results"/> in order (before any handler).</summary>
    public ScriptedOrchestrationContext Then(string activity, params object?[] results)
    {
        if (!_queues.TryGetValue(activity, out var queue))
        {
            _queues[activity] = queue = new Queue<object?>();
        }

        foreach (var result in results)
        {
            queue.Enqueue(result);
        }

        return this;
    }

    private int _cancelAtTimer = -1;
    private string? _cancelReason;

    /// <summary>Makes timer number <paramref name="timerIndex"/> (0-based) hang and raises the cancel event while it runs.</summary>
    public ScriptedOrchestrationContext CancelDuringTimer(int timerIndex, string? reason = "stop")
    {
        _cancelAtTimer = timerIndex;
        _cancelReason = reason;
        return this;
    }

    /// <summary>Raises an event now (or buffers it until someone waits).</summary>
    public void RaiseEvent(string name, object? payload)
    {
        Calls.Add($"event:{name}");
        if (_events.TryGetValue(name, out var waiting))
        {
            _events.Remove(name);
            waiting.TrySetResult(payload);
        }
        else
        {
            _pendingEvents[name] = payload;
        }
    }

    /// <summary>Also called to drive an activity with the real implementation (e.g. through <see cref="ConversionWorkflow.Activities"/>).</summary>
    public Func<string, object?, Task<object?>>? Fallback { get; set; }

    public override T? GetInput<T>()
        where T : default => default;

    public override async Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null)
    {
        var inputJson = input is null ? (JsonElement?)null : JsonSerializer.SerializeToElement(input, input.GetType(), ConversionJson.Compact);
        Activities.Add((name.Name, inputJson, options));
        Calls.Add($"activity:{name} {inputJson?.GetRawText()} retry={options?.Retry is not null}");
        object? result;
        if (_queues.TryGetValue(name.Name, out var queue) && queue.Count > 0)
        {
            result = queue.Dequeue();
        }
        else if (_handlers.TryGetValue(name.Name, out var handler))
        {
            result = handler(input);
        }
        else if (Fallback is not null)
        {
            result = await Fallback(name.Name, input);
        }
        else
        {
            throw new InvalidOperationException($"No script for activity {name}.");
        }

        if (result is Exception exception)
        {
            throw exception is TaskFailedException ? exception : new TaskFailedException(name.Name, Activities.Count, exception);
        }

        return RoundTrip<TResult>(result);
    }

    /// <summary>The events the orchestration sent to other instances, in order.</summary>
    public List<(string InstanceId, string Name, JsonElement? Payload)> SentEvents { get; } = [];

    /// <summary>Called for every event the orchestration sends (for example, to deliver it to a scripted child).</summary>
    public Action<string, string, object>? OnSend { get; set; }

    public override void SendEvent(string instanceId, string eventName, object payload)
    {
        Calls.Add($"send:{eventName} {instanceId}");
        SentEvents.Add((instanceId, eventName, JsonSerializer.SerializeToElement(payload, payload.GetType(), ConversionJson.Compact)));
        OnSend?.Invoke(instanceId, eventName, payload);
    }

    /// <summary>Runs child orchestrations through this handler (default: none scripted).</summary>
    public Func<string, string, object?, Task<object?>>? SubOrchestrator { get; set; }

    public override async Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null)
    {
        var instanceId = (options as SubOrchestrationOptions)?.InstanceId
            ?? throw new InvalidOperationException("The pipeline names its children: SubOrchestrationOptions.InstanceId is required.");
        Calls.Add($"sub:{orchestratorName} {instanceId}");
        if (SubOrchestrator is null)
        {
            throw new InvalidOperationException("No script for sub-orchestrations.");
        }

        var result = await SubOrchestrator(orchestratorName.Name, instanceId, input);
        if (result is Exception exception)
        {
            throw new TaskFailedException(orchestratorName.Name, Calls.Count, exception);
        }

        return RoundTrip<TResult>(result);
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        var delay = fireAt - CurrentUtcDateTime;
        Timers.Add(delay);
        Calls.Add($"timer:+{delay.TotalSeconds}");
        if (cancellationToken.IsCancellationRequested)
        {
            CancelledTimers++;
            return Task.FromCanceled(cancellationToken);
        }

        if (_cancelAtTimer == Timers.Count - 1)
        {
            // This timer never fires: the cancel event arrives while it runs, and the orchestration must cancel it.
            var pending = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            cancellationToken.Register(() =>
            {
                CancelledTimers++;
                pending.TrySetCanceled(cancellationToken);
            });
            RaiseEvent(OrchestrationEvents.Cancel, new CancelRequest(_cancelReason));
            return pending.Task;
        }

        if (fireAt > _now)
        {
            _now += (fireAt - _now) * TimerScale;
        }

        return Task.CompletedTask;
    }

    public override async Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        Calls.Add($"wait:{eventName}");
        object? payload;
        if (_pendingEvents.Remove(eventName, out var pending))
        {
            payload = pending;
        }
        else
        {
            var source = new TaskCompletionSource<object?>();
            _events[eventName] = source;
            using (cancellationToken.Register(() => source.TrySetCanceled(cancellationToken)))
            {
                payload = await source.Task;
            }
        }

        return RoundTrip<T>(payload);
    }

    public override void SetCustomStatus(object? customStatus)
    {
        Statuses.Add(customStatus as ConversionProgress);
        Calls.Add($"status:{JsonSerializer.Serialize(customStatus, ConversionJson.Compact)}");
    }

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        throw new NotSupportedException("The pipeline's orchestrations do not continue as new.");

    public override Guid NewGuid() => throw new NotSupportedException("The pipeline's orchestrations derive their ids.");

    /// <summary>The names of the activities called, in order.</summary>
    public IReadOnlyList<string> ActivityNames => Activities.Select(a => a.Name).ToArray();

    /// <summary>How many times <paramref name="activity"/> was called.</summary>
    public int Count(string activity) => Activities.Count(a => a.Name == activity);

    private static T RoundTrip<T>(object? value) =>
        JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, value?.GetType() ?? typeof(object), ConversionJson.Compact), ConversionJson.Compact)!;
}
