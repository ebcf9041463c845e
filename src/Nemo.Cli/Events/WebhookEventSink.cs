using CloudNative.CloudEvents;
using CloudNative.CloudEvents.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Nemo.Conversions;

namespace Nemo.Cli.Events;

/// <summary>
/// POSTs each CloudEvent to a webhook URL through the CloudEvents SDK's HTTP binding — structured mode
/// (<c>application/cloudevents+json</c>) by default, or binary mode — retrying network failures, 408, 429 and 5xx a
/// bounded number of times with a doubling backoff. An event that still cannot be delivered throws
/// <see cref="EventDeliveryException"/>: the conversion records it in its result's warnings (a webhook outage does not
/// fail a finished conversion, and is not silent either).
/// </summary>
public sealed class WebhookEventSink : IConversionEventSink
{
    /// <summary>The media type of a structured-mode CloudEvent (the JSON event format).</summary>
    public const string MediaType = "application/cloudevents+json";

    private readonly HttpClient _http;
    private readonly Uri _url;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates a sink.</summary>
    /// <param name="http">The HTTP client to post with.</param>
    /// <param name="url">The webhook address.</param>
    /// <param name="time">The clock for backoff delays.</param>
    /// <param name="logger">Where delivery failures are logged.</param>
    public WebhookEventSink(HttpClient http, Uri url, TimeProvider? time = null, ILogger<WebhookEventSink>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(url);
        _http = http;
        _url = url;
        _time = time ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>How many attempts are made in all. Default 4.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>The first backoff delay; doubled after each failure. Default 500 ms.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// <see cref="ContentMode.Structured"/> (default): the whole event as the body, <see cref="MediaType"/>.
    /// <see cref="ContentMode.Binary"/>: the result alone as an <c>application/json</c> body, the attributes in
    /// <c>ce-</c> headers. Both modes send the <c>ce-</c> headers.
    /// </summary>
    public ContentMode ContentMode { get; init; } = ContentMode.Structured;

    /// <inheritdoc />
    public async Task PublishAsync(ConversionCloudEvent cloudEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cloudEvent);
        var outgoing = ConversionCloudEventFormat.ToCloudEvent(cloudEvent);
        var delay = BaseDelay;
        for (var attempt = 1; ; attempt++)
        {
            string reason;
            try
            {
                using var content = outgoing.ToHttpContent(ContentMode, ConversionCloudEventFormat.Formatter);
                using var response = await _http.PostAsync(_url, content, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                var status = (int)response.StatusCode;
                reason = $"HTTP {status}";
                if (status is not (408 or 429) && status < 500)
                {
                    throw GaveUp(cloudEvent, attempt, reason);
                }
            }
            catch (HttpRequestException ex)
            {
                reason = ex.HttpRequestError.ToString();
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                reason = "timeout";
            }

            if (attempt >= MaxAttempts)
            {
                throw GaveUp(cloudEvent, attempt, reason);
            }

            Log.WebhookRetry(_logger, _url.GetLeftPart(UriPartial.Path), attempt, reason, (long)delay.TotalMilliseconds);
            await Task.Delay(delay, _time, cancellationToken);
            delay *= 2;
        }
    }

    private EventDeliveryException GaveUp(ConversionCloudEvent cloudEvent, int attempts, string reason)
    {
        // The address without its query: a webhook secret passed as ?token=… stays out of logs and result files.
        var shown = _url.GetLeftPart(UriPartial.Path);
        Log.WebhookGaveUp(_logger, shown, cloudEvent.Id, attempts, reason);
        return new EventDeliveryException($"the webhook {shown} did not accept it ({reason}, {attempts} attempt{(attempts == 1 ? "" : "s")})");
    }
}
