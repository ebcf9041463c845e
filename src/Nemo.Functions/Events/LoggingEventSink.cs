using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Nemo.Conversions;

namespace Nemo.Functions.Events;

/// <summary>
/// The sink when no Event Grid topic is configured: each completion event becomes one log line (id, type, subject), so
/// it shows in Application Insights; nothing is sent anywhere.
/// </summary>
public sealed class LoggingEventSink : IConversionEventSink
{
    private readonly ILogger _logger;

    /// <summary>Creates the sink.</summary>
    /// <param name="logger">Where the events are logged.</param>
    public LoggingEventSink(ILogger<LoggingEventSink>? logger = null) =>
        _logger = (ILogger?)logger ?? NullLogger.Instance;

    /// <inheritdoc />
    public Task PublishAsync(ConversionCloudEvent cloudEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cloudEvent);
        Log.EventLogged(_logger, cloudEvent.Id, cloudEvent.Type, cloudEvent.Subject);
        return Task.CompletedTask;
    }
}
