using Microsoft.Extensions.Logging;

namespace Nemo.Conversions;

/// <summary>
/// The subset of Durable's <c>TaskOrchestrationContext</c> the orchestrations need. The Functions shell adapts the real
/// context to it in one class; the local runtime implements it over its journal.
/// </summary>
/// <remarks>
/// Code running against this context follows Durable's rules: deterministic, no I/O, no wall-clock time, no random ids,
/// no <c>Task.Delay</c>, no <c>ConfigureAwait(false)</c>. Every effect goes through an activity, a timer or an event.
/// </remarks>
public interface IOrchestrationContext
{
    /// <summary>The orchestration instance id (derived from the source, never random).</summary>
    string InstanceId { get; }

    /// <summary>The replay-safe current time: the time the current episode started, from history.</summary>
    DateTime CurrentUtcDateTime { get; }

    /// <summary>Whether the code is re-executing from history (effects already happened).</summary>
    bool IsReplaying { get; }

    /// <summary>Schedules an activity and returns its (JSON round-tripped) result.</summary>
    /// <exception cref="ActivityFailedException">The activity threw, after any retries in <paramref name="retry"/>.</exception>
    Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, ActivityRetryPolicy? retry = null);

    /// <summary>Runs another orchestration as a child with the given instance id and returns its result.</summary>
    /// <exception cref="ActivityFailedException">The child orchestration failed.</exception>
    Task<TResult> CallSubOrchestratorAsync<TResult>(string name, string instanceId, object? input = null);

    /// <summary>A durable timer that fires at <paramref name="fireAt"/> (UTC).</summary>
    Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

    /// <summary>Waits for an event raised on this instance (for example <see cref="OrchestrationEvents.Cancel"/>).</summary>
    Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default);

    /// <summary>
    /// Raises an event on another instance (for example <see cref="OrchestrationEvents.Cancel"/> on a child), without
    /// waiting. The send is recorded in history and delivered at least once; an instance that does not exist or has
    /// finished drops it.
    /// </summary>
    void SendEvent(string instanceId, string eventName, object payload);

    /// <summary>Publishes a small progress object that status queries return.</summary>
    void SetCustomStatus(object? customStatus);

    /// <summary>A logger that writes nothing while replaying.</summary>
    ILogger CreateReplaySafeLogger(string categoryName);
}
