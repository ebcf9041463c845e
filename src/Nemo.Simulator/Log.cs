namespace Nemo.Simulator;

/// <summary>Source-generated log messages. Event ids: 1xx hosting, 2xx faults, 3xx uploads, 4xx chat, 5xx rendering.</summary>
internal static partial class Log
{
    [LoggerMessage(200, LogLevel.Information, "Fault {Kind} injected on {Endpoint}")]
    public static partial void FaultInjected(ILogger logger, FaultKind kind, SimulatorEndpoint endpoint);

    [LoggerMessage(300, LogLevel.Information, "Upload rejected for session {SessionId}: {Outcome}")]
    public static partial void UploadRejected(ILogger logger, string sessionId, StoreOutcome outcome);

    [LoggerMessage(301, LogLevel.Warning, "URL upload could not be fetched: {Reason}")]
    public static partial void UrlFetchFailed(ILogger logger, string reason);

    [LoggerMessage(400, LogLevel.Debug, "Prompt stream for session {SessionId} ended by the client")]
    public static partial void PromptStreamClosedByClient(ILogger logger, string sessionId);

    [LoggerMessage(500, LogLevel.Warning, "ffmpeg could not be started")]
    public static partial void FfmpegStartFailed(ILogger logger, Exception exception);

    [LoggerMessage(501, LogLevel.Warning, "ffmpeg timed out after {Timeout}")]
    public static partial void FfmpegTimedOut(ILogger logger, TimeSpan timeout);

    [LoggerMessage(502, LogLevel.Warning, "ffmpeg exited with {ExitCode}: {Errors}")]
    public static partial void FfmpegFailed(ILogger logger, int exitCode, string errors);

    [LoggerMessage(503, LogLevel.Information, "Using the bundled fallback MP4")]
    public static partial void UsingFallbackVideo(ILogger logger);

    [LoggerMessage(504, LogLevel.Error, "Building the output of render {RenderId} failed")]
    public static partial void RenderBuildFailed(ILogger logger, string renderId, Exception exception);
}
