using System.Text.Json;
using Microsoft.DurableTask;

namespace Nemo.Cli.Runtime;

/// <summary>What an orchestration asked for.</summary>
internal enum CommandKind
{
    Activity,
    Timer,
    SubOrchestration,
    SendEvent,
}

/// <summary>
/// A command the orchestration issued and that has not completed yet: an activity, a timer, a child instance, or an
/// event to send (complete once handed over), with the typed completion of the task the orchestration awaits.
/// </summary>
internal sealed class PendingCommand
{
    public required int Id { get; init; }

    public required CommandKind Kind { get; init; }

    public required string Name { get; init; }

    public JsonElement? Input { get; init; }

    public DateTime FireAt { get; init; }

    /// <summary>
    /// The orchestration's time when it created the timer: the timer waits <see cref="FireAt"/> minus this, shortened by
    /// <see cref="LocalRuntimeOptions.TimerScale"/>. Replay issues the timer again at the same time, so a resumed timer
    /// keeps its due time.
    /// </summary>
    public DateTime IssuedAt { get; init; }

    /// <summary>The child instance, or the instance an event is sent to.</summary>
    public string? ChildInstanceId { get; init; }

    public RetryPolicy? Retry { get; init; }

    public required Action<JsonElement?> Complete { get; init; }

    public required Action<Exception> Fail { get; init; }

    public Action? Cancel { get; init; }

    /// <summary>True once the scheduling event is in the journal.</summary>
    public bool Recorded { get; set; }

    /// <summary>True once the runtime started the work (activity, timer, child) in this process.</summary>
    public bool Dispatched { get; set; }

    /// <summary>Cancels the dispatched work (the real timer) when the orchestration cancels the command.</summary>
    public CancellationTokenSource? DispatchCancellation { get; set; }

    public CancellationTokenRegistration Registration { get; set; }

    public HistoryEvent ToScheduledEvent(DateTime timestamp) => Kind switch
    {
        CommandKind.Activity => new TaskScheduled(timestamp, Id, Name, Input),
        CommandKind.Timer => new TimerCreated(timestamp, Id, FireAt),
        CommandKind.SendEvent => new EventSent(timestamp, Id, ChildInstanceId!, Name, Input),
        _ => new SubOrchestrationCreated(timestamp, Id, Name, ChildInstanceId!, Input),
    };

    public string Describe() => Kind switch
    {
        CommandKind.Activity => $"activity '{Name}' #{Id} with input {Json(Input)}",
        CommandKind.Timer => $"timer #{Id} firing at {FireAt:O}",
        CommandKind.SendEvent => $"event '{Name}' #{Id} to {ChildInstanceId} with payload {Json(Input)}",
        _ => $"sub-orchestration '{Name}' ({ChildInstanceId}) #{Id} with input {Json(Input)}",
    };

    public static string Describe(HistoryEvent scheduled) => scheduled switch
    {
        TaskScheduled t => $"activity '{t.Name}' #{t.Id} with input {Json(t.Input)}",
        TimerCreated t => $"timer #{t.Id} firing at {t.FireAt:O}",
        EventSent e => $"event '{e.Name}' #{e.Id} to {e.InstanceId} with payload {Json(e.Payload)}",
        SubOrchestrationCreated s => $"sub-orchestration '{s.Name}' ({s.InstanceId}) #{s.Id} with input {Json(s.Input)}",
        _ => scheduled.GetType().Name,
    };

    /// <summary>Whether the recorded scheduling event is this command: same kind, name, target and input.</summary>
    public bool Matches(HistoryEvent scheduled) => scheduled switch
    {
        TaskScheduled t => Kind == CommandKind.Activity && t.Name == Name && SameJson(t.Input, Input),
        TimerCreated t => Kind == CommandKind.Timer && t.FireAt.ToUniversalTime() == FireAt,
        EventSent e => Kind == CommandKind.SendEvent && e.Name == Name && e.InstanceId == ChildInstanceId && SameJson(e.Payload, Input),
        SubOrchestrationCreated s => Kind == CommandKind.SubOrchestration && s.Name == Name
            && s.InstanceId == ChildInstanceId && SameJson(s.Input, Input),
        _ => false,
    };

    public static bool SameJson(JsonElement? a, JsonElement? b) =>
        a is null || b is null ? a is null && b is null : JsonElement.DeepEquals(a.Value, b.Value);

    private static string Json(JsonElement? value) => value?.GetRawText() ?? "null";
}
