using System.Text.Json;
using Azure;
using Azure.Identity;
using Azure.Messaging;
using Azure.Messaging.EventGrid;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Nemo.Conversions;

namespace Nemo.Functions.Events;

/// <summary>
/// Publishes each completion event to an Event Grid topic as a CloudEvent (the same id, source, type, subject, time and
/// JSON data as the local sinks write). The client retries transient failures itself; an event that still cannot be
/// delivered is logged as an error and does not fail the finished conversion, whose result file is the record of truth.
/// </summary>
public sealed class EventGridEventSink : IConversionEventSink
{
    private readonly EventGridPublisherClient _client;
    private readonly ILogger _logger;

    /// <summary>Creates a sink publishing through <paramref name="client"/>.</summary>
    /// <param name="client">The topic's publisher client.</param>
    /// <param name="logger">Logs deliveries that failed.</param>
    public EventGridEventSink(EventGridPublisherClient client, ILogger<EventGridEventSink>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    public async Task PublishAsync(ConversionCloudEvent cloudEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cloudEvent);
        var outgoing = ToCloudEvent(cloudEvent);
        try
        {
            await _client.SendEventAsync(outgoing, cancellationToken).ConfigureAwait(false);
            Log.EventPublished(_logger, cloudEvent.Id, cloudEvent.Type);
        }
        catch (Exception ex) when (ex is RequestFailedException or AuthenticationFailedException)
        {
            // After the SDK's own retries. Said in the result's warnings, not silently dropped.
            var status = (ex as RequestFailedException)?.Status ?? 0;
            Log.EventNotDelivered(_logger, cloudEvent.Id, ex.GetType().Name, status, ex);
            throw new EventDeliveryException(
                ex is RequestFailedException ? $"Event Grid refused it (HTTP {status})" : "Event Grid could not be signed in to (managed identity)",
                ex);
        }
    }

    /// <summary>The SDK's <see cref="CloudEvent"/> for <paramref name="cloudEvent"/>, its data as a JSON object.</summary>
    internal static CloudEvent ToCloudEvent(ConversionCloudEvent cloudEvent)
    {
        var data = new BinaryData(JsonSerializer.SerializeToUtf8Bytes(cloudEvent.Data, ConversionJson.Compact));
        return new CloudEvent(cloudEvent.Source, cloudEvent.Type, data, cloudEvent.DataContentType, CloudEventDataFormat.Json)
        {
            Id = cloudEvent.Id,
            Subject = cloudEvent.Subject,
            Time = cloudEvent.Time,
        };
    }
}
