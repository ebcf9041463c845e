using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Nemo.Functions.Tests.Durable;

/// <summary>
/// A <see cref="TaskOrchestrationContext"/> (the real abstract class) that records what an orchestration asks of it and
/// answers activities and sub-orchestrations through <see cref="Responder"/> (default: never completes).
/// </summary>
internal sealed class RecordingOrchestrationContext : TaskOrchestrationContext
{
    private readonly object? _input;

    public RecordingOrchestrationContext(string instanceId = "conv-0123456789abcdef", object? input = null, ILoggerFactory? loggerFactory = null)
    {
        InstanceIdValue = instanceId;
        _input = input;
        LoggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
    }

    public string InstanceIdValue { get; }

    public DateTime Now { get; set; } = new(2025, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    public bool Replaying { get; set; }

    /// <summary>Answers a call by name and input; throw (or return a faulted task) to fail it.</summary>
    public Func<string, object?, Task<object?>> Responder { get; set; } = (_, _) => new TaskCompletionSource<object?>().Task;

    public List<(string Name, object? Input, TaskOptions? Options)> Activities { get; } = [];

    public List<(string Name, object? Input, TaskOptions? Options)> SubOrchestrations { get; } = [];

    public List<(DateTime FireAt, CancellationToken CancellationToken)> Timers { get; } = [];

    public List<string> AwaitedEvents { get; } = [];

    public List<(string InstanceId, string EventName, object Payload)> SentEvents { get; } = [];

    public List<object?> CustomStatuses { get; } = [];

    public override TaskName Name => new("Conversion");

    public override string InstanceId => InstanceIdValue;

    public override ParentOrchestrationInstance? Parent => null;

    public override DateTime CurrentUtcDateTime => Now;

    public override bool IsReplaying => Replaying;

    protected override ILoggerFactory LoggerFactory { get; }

    public override T? GetInput<T>()
        where T : default => _input is T typed ? typed : default;

    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null)
    {
        Activities.Add((name.Name, input, options));
        return AnswerAsync<TResult>(name.Name, input);
    }

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null)
    {
        SubOrchestrations.Add((orchestratorName.Name, input, options));
        return AnswerAsync<TResult>(orchestratorName.Name, input);
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        Timers.Add((fireAt, cancellationToken));
        return Task.CompletedTask;
    }

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        AwaitedEvents.Add(eventName);
        return new TaskCompletionSource<T>().Task;
    }

    public override void SendEvent(string instanceId, string eventName, object payload) => SentEvents.Add((instanceId, eventName, payload));

    public override void SetCustomStatus(object? customStatus) => CustomStatuses.Add(customStatus);

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        throw new NotSupportedException("The conversion orchestrations never continue as new.");

    public override Guid NewGuid() => throw new NotSupportedException("The conversion orchestrations use derived ids, never random ones.");

    private async Task<TResult> AnswerAsync<TResult>(string name, object? input) => (TResult)(await Responder(name, input))!;
}
