namespace Nemo.Simulator;

/// <summary>Source-generated log messages. Event ids 5000–5999: 52xx faults, 53xx uploads, 54xx chat, 55xx rendering.</summary>
internal static partial class Log
{
    [LoggerMessage(5200, LogLevel.Information, "Fault {Kind} injected on {Endpoint}")]
    public static partial void FaultInjected(ILogger logger, FaultKind kind, SimulatorEndpoint endpoint);

    [LoggerMessage(5300, LogLevel.Information, "Upload rejected for session {SessionId}: {Outcome}")]
    public static partial void UploadRejected(ILogger logger, string sessionId, StoreOutcome outcome);

    [LoggerMessage(5301, LogLevel.Warning, "URL upload could not be fetched: {Reason}")]
    public static partial void UrlFetchFailed(ILogger logger, string reason);

    [LoggerMessage(5400, LogLevel.Debug, "Prompt stream for session {SessionId} ended by the client")]
    public static partial void PromptStreamClosedByClient(ILogger logger, string sessionId);

    [LoggerMessage(5500, LogLevel.Warning, "ffmpeg could not be started")]
    public static partial void FfmpegStartFailed(ILogger logger, Exception exception);

    [LoggerMessage(5501, LogLevel.Warning, "ffmpeg timed out after {Timeout}")]
    public static partial void FfmpegTimedOut(ILogger logger, TimeSpan timeout);

    [LoggerMessage(5502, LogLevel.Warning, "ffmpeg exited with {ExitCode}: {Errors}")]
    public static partial void FfmpegFailed(ILogger logger, int exitCode, string errors);

    [LoggerMessage(5503, LogLevel.Information, "Using the bundled fallback MP4")]
    public static partial void UsingFallbackVideo(ILogger logger);

    [LoggerMessage(5504, LogLevel.Error, "Building the output of render {RenderId} failed")]
    public static partial void RenderBuildFailed(ILogger logger, string renderId, Exception exception);

    [LoggerMessage(5505, LogLevel.Warning, "Render {RenderId}: the draft's timeline is {TimelineSeconds} s; the simulator renders it in {Seconds} s, every segment shortened in proportion (Simulator:MaxVideoLength)")]
    public static partial void RenderCapped(ILogger logger, string renderId, double timelineSeconds, double seconds);

    [LoggerMessage(5506, LogLevel.Debug, "ffmpeg stopped: its render was cancelled or the simulator is stopping")]
    public static partial void FfmpegStopped(ILogger logger);
}
