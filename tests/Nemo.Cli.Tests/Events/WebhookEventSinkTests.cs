using System.Net;
using System.Text.Json;
using Nemo.Cli.Events;
using Nemo.Cli.Tests.Support;

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
        var (contentType, body) = handler.Requests[1];
        Assert.Equal("application/cloudevents+json", contentType);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("conv-0123456789abcdef/v1/succeeded", json.RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Gives_up_after_the_bounded_attempts_without_throwing()
    {
        var handler = new RecordingHandler(HttpStatusCode.InternalServerError);
        var sink = new WebhookEventSink(new HttpClient(handler), new Uri("http://hooks.test/nemo")) { BaseDelay = TimeSpan.FromMilliseconds(1), MaxAttempts = 3 };

        await sink.PublishAsync(TestResults.Event());

        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task Does_not_retry_a_client_error()
    {
        var handler = new RecordingHandler(HttpStatusCode.BadRequest);
        var sink = new WebhookEventSink(new HttpClient(handler), new Uri("http://hooks.test/nemo")) { BaseDelay = TimeSpan.FromMilliseconds(1) };

        await sink.PublishAsync(TestResults.Event());

        Assert.Single(handler.Requests);
    }

    private sealed class RecordingHandler(params HttpStatusCode[] statuses) : HttpMessageHandler
    {
        public List<(string? ContentType, string Body)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Assert.Equal(HttpMethod.Post, request.Method);
            Requests.Add((request.Content!.Headers.ContentType?.MediaType, await request.Content.ReadAsStringAsync(cancellationToken)));
            return new HttpResponseMessage(statuses[Math.Min(Requests.Count - 1, statuses.Length - 1)]);
        }
    }
}
