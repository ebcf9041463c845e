namespace Nemo.Cli;

/// <summary>
/// Log messages of the command (the runtime's are in <c>Runtime/</c>, ids 1xxx). Ids here: 2xxx events, 3xxx watcher,
/// 4xxx HTTP API, 5xxx hosting.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(2001, LogLevel.Warning, "Webhook {Url}: attempt {Attempt} failed ({Reason}); retrying in {DelayMs} ms")]
    public static partial void WebhookRetry(ILogger logger, string url, int attempt, string reason, long delayMs);

    [LoggerMessage(2002, LogLevel.Error, "Webhook {Url}: event {EventId} not delivered after {Attempts} attempts ({Reason})")]
    public static partial void WebhookGaveUp(ILogger logger, string url, string eventId, int attempts, string reason);

    [LoggerMessage(3001, LogLevel.Information, "Watch: {Kind} {Path} → instance {InstanceId}")]
    public static partial void WatchStarted(ILogger logger, string kind, string path, string instanceId);

    [LoggerMessage(3002, LogLevel.Debug, "Watch: {Path} already seen (instance {InstanceId})")]
    public static partial void WatchDuplicate(ILogger logger, string path, string instanceId);

    [LoggerMessage(3003, LogLevel.Warning, "Watch: {Path} could not be started: {Reason}")]
    public static partial void WatchRejected(ILogger logger, string path, string reason);

    [LoggerMessage(3004, LogLevel.Warning, "Watch: file system watcher error; rescanning ({Reason})")]
    public static partial void WatcherError(ILogger logger, string reason);

    [LoggerMessage(4001, LogLevel.Warning, "HTTP API: request to {Path} rejected: missing or wrong API key")]
    public static partial void ApiKeyRejected(ILogger logger, string path);

    [LoggerMessage(5001, LogLevel.Information, "Simulator listening on {Address}")]
    public static partial void SimulatorStarted(ILogger logger, Uri address);
}
