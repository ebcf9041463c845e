namespace Nemo.Cli;

/// <summary>
/// Log messages of the command (the runtime's are in <c>Runtime/</c>, ids 40xx). The assembly logs in 4000–4999;
/// ids here: 41xx events, 42xx watcher, 43xx HTTP API, 44xx hosting.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(4101, LogLevel.Warning, "Webhook {Url}: attempt {Attempt} failed ({Reason}); retrying in {DelayMs} ms")]
    public static partial void WebhookRetry(ILogger logger, string url, int attempt, string reason, long delayMs);

    [LoggerMessage(4102, LogLevel.Error, "Webhook {Url}: event {EventId} not delivered after {Attempts} attempts ({Reason})")]
    public static partial void WebhookGaveUp(ILogger logger, string url, string eventId, int attempts, string reason);

    [LoggerMessage(4201, LogLevel.Information, "Watch: {Kind} {Path} → instance {InstanceId}")]
    public static partial void WatchStarted(ILogger logger, string kind, string path, string instanceId);

    [LoggerMessage(4202, LogLevel.Debug, "Watch: {Path} already seen (instance {InstanceId})")]
    public static partial void WatchDuplicate(ILogger logger, string path, string instanceId);

    [LoggerMessage(4203, LogLevel.Warning, "Watch: {Path} could not be started: {Reason}")]
    public static partial void WatchRejected(ILogger logger, string path, string reason);

    [LoggerMessage(4204, LogLevel.Warning, "Watch: file system watcher error; rescanning ({Reason})")]
    public static partial void WatcherError(ILogger logger, string reason);

    [LoggerMessage(4301, LogLevel.Warning, "HTTP API: request to {Path} rejected: missing or wrong API key")]
    public static partial void ApiKeyRejected(ILogger logger, string path);

    [LoggerMessage(4401, LogLevel.Information, "Simulator listening on {Address}")]
    public static partial void SimulatorStarted(ILogger logger, Uri address);
}
