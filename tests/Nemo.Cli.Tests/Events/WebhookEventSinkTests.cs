using System.Net;
using System.Text.Json;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.Http;
using Nemo.Cli.Events;
using Nemo.Cli.Tests.Support;
using Nemo.Conversions;

namespace Nemo.Cli.Tests.Events;

public sealed class WebhookEventSinkTests
{
    [Fact]
    public async Task Posts_structured_cloud_event_and_retries_server_errors()
    {
        var handler = new RecordingHandler(HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK);
        var sink = new WebhookEventSink(new HttpClient(handler), new Uri("http://hooks.test/nemo")) { BaseDelay = TimeSpan.FromMilliseconds(1) };

        await sink.PublishAsync(TestResults.Event());

        Assert.Equal(2, handler.Requests.Count);
        var request = handler.Requests[1];
        Assert.Equal("application/cloudevents+json; charset=utf-8", request.ContentType);
        using var json = JsonDocument.Parse(request.Body);
        Assert.Equal("conv-0123456789abcdef/v1/succeeded", json.RootElement.GetProperty("id").GetString());
        Assert.Equal("succeeded", json.RootElement.GetProperty("data").GetProperty("status").GetString());
        Assert.Equal("conv-0123456789abcdef/v1/succeeded", request.Event.Id);
    }

    [Fact]
    public async Task Binary_mode_sends_the_result_as_the_body_and_the_attributes_as_headers()
    {
        var handler = new RecordingHandler(HttpStatusCode.OK);
        var sink = new WebhookEventSink(new HttpClient(handler), new Uri("http://hooks.test/nemo")) { ContentMode = ContentMode.Binary };
        var published = TestResults.Event() with { Subject = "plage d'été.mp4" };

        await sink.PublishAsync(published);

        var request = Assert.Single(handler.Requests);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        Assert.Equal(JsonSerializer.Serialize(published.Data, ConversionJson.Compact), request.Body);
        Assert.Equal("1.0", request.Headers["ce-specversion"]);
        Assert.Equal("conv-0123456789abcdef/v1/succeeded", request.Headers["ce-id"]);
        Assert.Equal("ai.nemo.conversion.succeeded", request.Headers["ce-type"]);
        Assert.Equal("/nemo/test", request.Headers["ce-source"]);
        Assert.Equal("plage%20d'%C3%A9t%C3%A9.mp4", request.Headers["ce-subject"]); // percent-encoded as the HTTP binding requires
        Assert.Equal("2025-01-01T00:03:00Z", request.Headers["ce-time"]);
        Assert.False(request.Headers.ContainsKey("ce-datacontenttype"));

        // What a receiver sees through the SDK's HTTP binding.
        Assert.Equal(published.Id, request.Event.Id);
        Assert.Equal(published.Subject, request.Event.Subject);
        Assert.Equal(published.Data.Output, Assert.IsType<ConversionResult>(request.Event.Data).Output);
    }

    [Fact]
    public async Task Gives_up_after_the_bounded_attempts_and_says_why_without_the_query()
    {
        var handler = new RecordingHandler(HttpStatusCode.InternalServerError);
        var sink = new WebhookEventSink(new HttpClient(handler), new Uri("http://hooks.test/nemo?token=s3cret")) { BaseDelay = TimeSpan.FromMilliseconds(1), MaxAttempts = 3 };

        var failed = await Assert.ThrowsAsync<EventDeliveryException>(() => sink.PublishAsync(TestResults.Event()));

        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal("the webhook http://hooks.test/nemo did not accept it (HTTP 500, 3 attempts)", failed.Message);
    }

    [Fact]
    public async Task Does_not_retry_a_client_error()
    {
        var handler = new RecordingHandler(HttpStatusCode.BadRequest);
        var sink = new WebhookEventSink(new HttpClient(handler), new Uri("http://hooks.test/nemo")) { BaseDelay = TimeSpan.FromMilliseconds(1) };

        var failed = await Assert.ThrowsAsync<EventDeliveryException>(() => sink.PublishAsync(TestResults.Event()));

        Assert.Single(handler.Requests);
        Assert.Contains("HTTP 400, 1 attempt)", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_event_is_rejected_before_anything_is_sent()
    {
        var handler = new RecordingHandler(HttpStatusCode.OK);
        var sink = new WebhookEventSink(new HttpClient(handler), new Uri("http://hooks.test/nemo"));

        await Assert.ThrowsAnyAsync<ArgumentException>(() => sink.PublishAsync(TestResults.Event() with { Id = "" }));

        Assert.Empty(handler.Requests);
    }

    private sealed record Request(string? ContentType, string Body, Dictionary<string, string> Headers, CloudEvent Event);

    private sealed class RecordingHandler(params HttpStatusCode[] statuses) : HttpMessageHandler
    {
        public List<Request> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Assert.Equal(HttpMethod.Post, request.Method);
            var headers = request.Content!.Headers.Where(h => h.Key.StartsWith("ce-", StringComparison.Ordinal))
                .ToDictionary(h => h.Key, h => string.Join(",", h.Value));
            Requests.Add(new Request(
                request.Content.Headers.ContentType?.ToString(),
                await request.Content.ReadAsStringAsync(cancellationToken),
                headers,
                await request.ToCloudEventAsync(ConversionCloudEventFormat.Formatter)));
            return new HttpResponseMessage(statuses[Math.Min(Requests.Count - 1, statuses.Length - 1)]);
        }
    }
}
