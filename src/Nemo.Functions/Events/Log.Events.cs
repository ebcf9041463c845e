using Microsoft.Extensions.Logging;

namespace Nemo.Functions;

/// <summary>Log messages of the completion event sinks (event ids 31xx; the assembly logs in 3000–3999).</summary>
internal static partial class Log
{
    [LoggerMessage(3101, LogLevel.Information, "Events: {EventId} ({Type}) published to Event Grid")]
    public static partial void EventPublished(ILogger logger, string eventId, string type);

    [LoggerMessage(3102, LogLevel.Error, "Events: {EventId} not delivered to Event Grid ({ErrorType}, HTTP {Status}); the result file still records the conversion")]
    public static partial void EventNotDelivered(ILogger logger, string eventId, string errorType, int status, Exception exception);

    [LoggerMessage(3103, LogLevel.Information, "Events: {EventId} ({Type}, subject {Subject}); no Event Grid topic configured")]
    public static partial void EventLogged(ILogger logger, string eventId, string type, string? subject);
}
