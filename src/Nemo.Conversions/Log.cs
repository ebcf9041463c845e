using Microsoft.Extensions.Logging;
using Nemo.Client;

namespace Nemo.Conversions;

/// <summary>Log messages of the activities and orchestrations (event ids 2000–2999: 20xx activities, 21xx orchestrations).</summary>
internal static partial class Log
{
    [LoggerMessage(2000, LogLevel.Debug, "Session {SessionId} created")]
    public static partial void SessionCreated(ILogger logger, string sessionId);

    [LoggerMessage(2001, LogLevel.Debug, "Uploaded {Count} files (by URL: {ByUrl})")]
    public static partial void Uploaded(ILogger logger, int count, bool byUrl);

    [LoggerMessage(2002, LogLevel.Information, "Prompt {Sequence} was already sent by an earlier attempt; not sending it again")]
    public static partial void PromptAlreadySent(ILogger logger, int sequence);

    [LoggerMessage(2003, LogLevel.Warning, "The reply stream stopped early ({Reason}); the draft will be read instead")]
    public static partial void PromptInterrupted(ILogger logger, StreamInterruption reason);

    [LoggerMessage(2004, LogLevel.Information, "Render {RenderId} started")]
    public static partial void RenderStarted(ILogger logger, string renderId);

    [LoggerMessage(2008, LogLevel.Warning, "Render {RenderId} was already started by an earlier run of this step; continuing with it")]
    public static partial void RenderResumed(ILogger logger, string renderId);

    [LoggerMessage(2009, LogLevel.Information, "Render {RenderId} could not be cancelled: it had already ended {State}")]
    public static partial void RenderAlreadyFinal(ILogger logger, string renderId, RenderState state);

    [LoggerMessage(2005, LogLevel.Information, "Saved {Key} ({Bytes} bytes)")]
    public static partial void OutputSaved(ILogger logger, string key, long bytes);

    [LoggerMessage(2006, LogLevel.Warning, "Step {Stage} failed: {Kind}, Nemo code {NemoCode}, HTTP {HttpStatus}")]
    public static partial void StepFailed(ILogger logger, ConversionStage stage, FailureKind kind, int? nemoCode, int? httpStatus);

    [LoggerMessage(2007, LogLevel.Warning, "Credits could not be read: Nemo code {NemoCode}, HTTP {HttpStatus}")]
    public static partial void CreditsUnavailable(ILogger logger, int? nemoCode, int? httpStatus);

    [LoggerMessage(2100, LogLevel.Information, "Conversion {InstanceId} started")]
    public static partial void ConversionStarted(ILogger logger, string instanceId);

    [LoggerMessage(2101, LogLevel.Information, "Conversion {InstanceId} ended: {Status}")]
    public static partial void ConversionEnded(ILogger logger, string instanceId, ConversionStatus status);

    [LoggerMessage(2102, LogLevel.Warning, "Step {Stage} will be retried in {DelaySeconds} s (attempt {Attempt})")]
    public static partial void StepRetrying(ILogger logger, ConversionStage stage, double delaySeconds, int attempt);

    [LoggerMessage(2104, LogLevel.Warning, "The cancel came after render {RenderId} had finished; keeping the finished video")]
    public static partial void LateCancelKeepsRender(ILogger logger, string renderId);

    [LoggerMessage(2103, LogLevel.Warning, "Session lost at {Stage}; starting over in a new session")]
    public static partial void SessionLost(ILogger logger, ConversionStage stage);
}
