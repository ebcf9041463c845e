using Microsoft.Extensions.Logging;

namespace Nemo.Client;

/// <summary>
/// Every log message of the assembly. Event ids 1000–1999, by component: 10xx HTTP,
/// 11xx resilience, 12xx tokens, 13xx uploads and downloads, 14xx rendering, 15xx chat. No bodies, no tokens.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Debug, "Nemo {Operation}: sending")]
    public static partial void Sending(ILogger logger, string operation);

    [LoggerMessage(1002, LogLevel.Debug, "Nemo {Operation}: HTTP {StatusCode} after {ElapsedMs} ms")]
    public static partial void Received(ILogger logger, string operation, int statusCode, long elapsedMs);

    [LoggerMessage(1003, LogLevel.Warning, "Nemo {Operation}: timed out after {ElapsedMs} ms")]
    public static partial void TimedOut(ILogger logger, string operation, long elapsedMs);

    [LoggerMessage(1004, LogLevel.Warning, "Nemo {Operation}: network failure ({Error})")]
    public static partial void NetworkFailure(ILogger logger, string operation, HttpRequestError error);

    [LoggerMessage(1005, LogLevel.Warning, "Nemo {Operation}: failed ({Kind}, HTTP {StatusCode}, code {NemoCode})")]
    public static partial void CallFailed(ILogger logger, string operation, NemoErrorKind kind, int? statusCode, int? nemoCode);

    [LoggerMessage(1101, LogLevel.Information, "Nemo {Operation}: transient failure, retry {Attempt} in {DelayMs} ms")]
    public static partial void RetryingTransient(ILogger logger, string? operation, int attempt, long delayMs);

    [LoggerMessage(1102, LogLevel.Warning, "Nemo {Operation}: rate limited (HTTP 429), retry {Attempt} in {DelayMs} ms")]
    public static partial void RetryingRateLimited(ILogger logger, string? operation, int attempt, long delayMs);

    [LoggerMessage(1201, LogLevel.Debug, "Using the persisted anonymous Nemo token (expires {ExpiresAt})")]
    public static partial void TokenLoaded(ILogger logger, DateTimeOffset? expiresAt);

    [LoggerMessage(1202, LogLevel.Information, "Acquired an anonymous Nemo token (expires {ExpiresAt})")]
    public static partial void TokenAcquired(ILogger logger, DateTimeOffset? expiresAt);

    [LoggerMessage(1203, LogLevel.Warning, "Nemo rejected the token for {Operation}; acquiring a new anonymous token")]
    public static partial void TokenRejected(ILogger logger, string operation);

    [LoggerMessage(1204, LogLevel.Error, "Nemo rejected the configured token for {Operation}")]
    public static partial void ConfiguredTokenRejected(ILogger logger, string operation);

    [LoggerMessage(1205, LogLevel.Warning, "The anonymous-token request was rejected (HTTP 400); retrying once with a new client id")]
    public static partial void ClientIdRejected(ILogger logger);

    [LoggerMessage(1206, LogLevel.Warning, "Could not persist the anonymous Nemo token; it stays in memory only")]
    public static partial void TokenPersistFailed(ILogger logger, Exception exception);

    [LoggerMessage(1301, LogLevel.Information, "Uploading {FileCount} file(s) to a Nemo session")]
    public static partial void Uploading(ILogger logger, int fileCount);

    [LoggerMessage(1302, LogLevel.Information, "Downloading render {RenderId} from {Source}")]
    public static partial void Downloading(ILogger logger, string renderId, string source);

    [LoggerMessage(1303, LogLevel.Warning, "Render {RenderId}: the output URL answered HTTP {StatusCode}; using the download fallback")]
    public static partial void DownloadFallback(ILogger logger, string renderId, int statusCode);

    [LoggerMessage(1304, LogLevel.Information, "Render {RenderId}: downloaded {Bytes} bytes")]
    public static partial void Downloaded(ILogger logger, string renderId, long bytes);

    [LoggerMessage(1305, LogLevel.Warning, "Render {RenderId}: download truncated at {Bytes} of {Expected} bytes")]
    public static partial void DownloadTruncated(ILogger logger, string renderId, long bytes, long? expected);

    [LoggerMessage(1401, LogLevel.Information, "Render {RenderId} started")]
    public static partial void RenderStarted(ILogger logger, string renderId);

    [LoggerMessage(1402, LogLevel.Warning, "Render id {RenderId} was a duplicate; retrying with a fresh id")]
    public static partial void RenderIdDuplicate(ILogger logger, string renderId);

    [LoggerMessage(1404, LogLevel.Warning, "Render {RenderId}: the answer to an earlier attempt was lost, but Nemo had started it; continuing with that render")]
    public static partial void RenderAdopted(ILogger logger, string renderId);

    [LoggerMessage(1403, LogLevel.Debug, "Render {RenderId}: {State} {Progress}%")]
    public static partial void RenderPolled(ILogger logger, string renderId, RenderState state, int? progress);

    [LoggerMessage(1501, LogLevel.Information, "Sending a prompt to Nemo session (not retried automatically)")]
    public static partial void SendingPrompt(ILogger logger);
}
