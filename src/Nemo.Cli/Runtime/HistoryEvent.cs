using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nemo.Cli.Runtime;

/// <summary>
/// One line of an instance's journal (<c>history.jsonl</c>), after DurableTask.Core's history events. Every event
/// carries the runtime's time when it was recorded; orchestration code sees that time as its current time.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ExecutionStarted), "executionStarted")]
[JsonDerivedType(typeof(TaskScheduled), "taskScheduled")]
[JsonDerivedType(typeof(TaskCompleted), "taskCompleted")]
[JsonDerivedType(typeof(TaskFailed), "taskFailed")]
[JsonDerivedType(typeof(TimerCreated), "timerCreated")]
[JsonDerivedType(typeof(TimerFired), "timerFired")]
[JsonDerivedType(typeof(SubOrchestrationCreated), "subOrchestrationCreated")]
[JsonDerivedType(typeof(SubOrchestrationCompleted), "subOrchestrationCompleted")]
[JsonDerivedType(typeof(SubOrchestrationFailed), "subOrchestrationFailed")]
[JsonDerivedType(typeof(EventRaised), "eventRaised")]
[JsonDerivedType(typeof(EventSent), "eventSent")]
[JsonDerivedType(typeof(CustomStatusSet), "customStatus")]
[JsonDerivedType(typeof(ExecutionCompleted), "executionCompleted")]
internal abstract record HistoryEvent(DateTime Timestamp)
{
    /// <summary>The sequence id of the command the event belongs to, if any.</summary>
    [JsonIgnore]
    public virtual int? SequenceId => null;
}

/// <summary>The instance was created with this orchestrator and input.</summary>
internal sealed record ExecutionStarted(DateTime Timestamp, string Name, JsonElement? Input, string? ParentInstanceId = null)
    : HistoryEvent(Timestamp);

/// <summary>The orchestration scheduled activity <paramref name="Id"/>.</summary>
internal sealed record TaskScheduled(DateTime Timestamp, int Id, string Name, JsonElement? Input) : HistoryEvent(Timestamp)
{
    public override int? SequenceId => Id;
}

/// <summary>Activity <paramref name="Id"/> returned.</summary>
internal sealed record TaskCompleted(DateTime Timestamp, int Id, JsonElement? Result) : HistoryEvent(Timestamp)
{
    public override int? SequenceId => Id;
}

/// <summary>Activity <paramref name="Id"/> threw, after its retries.</summary>
internal sealed record TaskFailed(DateTime Timestamp, int Id, string ErrorType, string Message) : HistoryEvent(Timestamp)
{
    public override int? SequenceId => Id;
}

/// <summary>The orchestration created durable timer <paramref name="Id"/>.</summary>
internal sealed record TimerCreated(DateTime Timestamp, int Id, DateTime FireAt) : HistoryEvent(Timestamp)
{
    public override int? SequenceId => Id;
}

/// <summary>Timer <paramref name="Id"/> fired.</summary>
internal sealed record TimerFired(DateTime Timestamp, int Id) : HistoryEvent(Timestamp)
{
    public override int? SequenceId => Id;
}

/// <summary>The orchestration started child instance <paramref name="InstanceId"/>.</summary>
internal sealed record SubOrchestrationCreated(DateTime Timestamp, int Id, string Name, string InstanceId, JsonElement? Input)
    : HistoryEvent(Timestamp)
{
    public override int? SequenceId => Id;
}

/// <summary>Child <paramref name="Id"/> completed.</summary>
internal sealed record SubOrchestrationCompleted(DateTime Timestamp, int Id, JsonElement? Result) : HistoryEvent(Timestamp)
{
    public override int? SequenceId => Id;
}

/// <summary>Child <paramref name="Id"/> failed.</summary>
internal sealed record SubOrchestrationFailed(DateTime Timestamp, int Id, string ErrorType, string Message) : HistoryEvent(Timestamp)
{
    public override int? SequenceId => Id;
}

/// <summary>An external event arrived (delivered to the first waiter with that name, or buffered).</summary>
internal sealed record EventRaised(DateTime Timestamp, string Name, JsonElement? Payload) : HistoryEvent(Timestamp);

/// <summary>The orchestration sent event <paramref name="Name"/> to instance <paramref name="InstanceId"/>.</summary>
internal sealed record EventSent(DateTime Timestamp, int Id, string InstanceId, string Name, JsonElement? Payload) : HistoryEvent(Timestamp)
{
    public override int? SequenceId => Id;
}

/// <summary>The orchestration's custom status changed.</summary>
internal sealed record CustomStatusSet(DateTime Timestamp, JsonElement? Status) : HistoryEvent(Timestamp);

/// <summary>The orchestration returned <paramref name="Output"/>, or threw when <paramref name="ErrorType"/> is set.</summary>
internal sealed record ExecutionCompleted(DateTime Timestamp, JsonElement? Output, string? ErrorType = null, string? Message = null)
    : HistoryEvent(Timestamp)
{
    [JsonIgnore]
    public bool Failed => ErrorType is not null;
}
