namespace Nemo.Cli;

/// <summary>Log messages of the local orchestration runtime (ids 40xx).</summary>
internal static partial class Log
{
    [LoggerMessage(4001, LogLevel.Information, "Runtime: instance {InstanceId} ({Name}) scheduled")]
    public static partial void InstanceScheduled(ILogger logger, string instanceId, string name);

    [LoggerMessage(4002, LogLevel.Information, "Runtime: resuming instance {InstanceId} ({Name}) from {EventCount} recorded events")]
    public static partial void InstanceResumed(ILogger logger, string instanceId, string name, int eventCount);

    [LoggerMessage(4003, LogLevel.Information, "Runtime: instance {InstanceId} finished ({Status})")]
    public static partial void InstanceFinished(ILogger logger, string instanceId, Nemo.Conversions.InstanceStatus status);

    [LoggerMessage(4004, LogLevel.Warning, "Runtime: {InstanceId} activity {Activity} attempt {Attempt} threw {ErrorType}; retrying in {DelayMs} ms")]
    public static partial void ActivityRetrying(ILogger logger, string instanceId, string activity, int attempt, string errorType, long delayMs);

    [LoggerMessage(4005, LogLevel.Warning, "Runtime: {InstanceId} activity {Activity} failed after {Attempts} attempts ({ErrorType})")]
    public static partial void ActivityFailed(ILogger logger, string instanceId, string activity, int attempts, string errorType);

    [LoggerMessage(4006, LogLevel.Warning, "Runtime: instance {InstanceId}: ignoring a torn last journal line (interrupted write)")]
    public static partial void TornJournalLine(ILogger logger, string instanceId);

    [LoggerMessage(4007, LogLevel.Error, "Runtime: instance {InstanceId} is not deterministic: {Reason}")]
    public static partial void NonDeterministic(ILogger logger, string instanceId, string reason);

    [LoggerMessage(4008, LogLevel.Warning, "Runtime: instance {InstanceId} uses orchestrator {Name}, which is not registered; left as it is")]
    public static partial void UnknownOrchestrator(ILogger logger, string instanceId, string name);

    [LoggerMessage(4009, LogLevel.Error, "Runtime: instance {InstanceId} stopped on an unexpected error; it resumes on the next start")]
    public static partial void RunnerFailed(ILogger logger, string instanceId, Exception exception);

    [LoggerMessage(4010, LogLevel.Warning, "Runtime: event {EventName} for instance {InstanceId} was dropped: the instance is not running")]
    public static partial void EventDropped(ILogger logger, string instanceId, string eventName);
}
