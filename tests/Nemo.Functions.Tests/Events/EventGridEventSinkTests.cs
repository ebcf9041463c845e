using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Messaging;
using Azure.Messaging.EventGrid;
using Nemo.Conversions;
using Nemo.Functions.Events;

namespace Nemo.Functions.Tests.Events;

public sealed class EventGridEventSinkTests
{
    [Fact]
    public async Task Publishes_the_cloud_event_with_its_id_type_subject_time_and_json_data()
    {
        var client = new RecordingPublisherClient();
        var sink = new EventGridEventSink(client);

        await sink.PublishAsync(Event());

        var sent = Assert.Single(client.Sent);
        Assert.Equal("conv-0123456789abcdef/v1/succeeded", sent.Id);
        Assert.Equal("/nemo/conversions", sent.Source);
        Assert.Equal(ConversionEvents.Succeeded, sent.Type);
        Assert.Equal("beach", sent.Subject);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 3, 0, TimeSpan.Zero), sent.Time);
        Assert.Equal("application/json", sent.DataContentType);
        using var data = JsonDocument.Parse(sent.Data!.ToString());
        Assert.Equal("conv-0123456789abcdef", data.RootElement.GetProperty("id").GetString());
        Assert.Equal("succeeded", data.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public void Data_is_sent_as_a_json_object_not_base64()
    {
        var cloudEvent = EventGridEventSink.ToCloudEvent(Event());

        // Serialized the way the client sends it: structured JSON with "data", not "data_base64".
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(cloudEvent));
        Assert.Equal(JsonValueKind.Object, json.RootElement.GetProperty("data").ValueKind);
        Assert.False(json.RootElement.TryGetProperty("data_base64", out _));
    }

    [Fact]
    public async Task A_delivery_failure_is_reported_with_its_status_for_the_result_warnings()
    {
        var client = new RecordingPublisherClient { Failure = new RequestFailedException(403, "no data sender role") };
        var sink = new EventGridEventSink(client);

        var failed = await Assert.ThrowsAsync<EventDeliveryException>(() => sink.PublishAsync(Event()));

        Assert.Single(client.Sent);
        Assert.Equal("Event Grid refused it (HTTP 403)", failed.Message);
    }

    [Fact]
    public async Task The_logging_sink_accepts_events_without_sending_anything() =>
        await new LoggingEventSink().PublishAsync(Event());

    private static ConversionCloudEvent Event() => ConversionEvents.Create(
        new ConversionResult
        {
            Id = "conv-0123456789abcdef",
            Name = "beach",
            Status = ConversionStatus.Succeeded,
            Profile = "best",
            Prompt = "animate",
            Images = ["beach.jpg"],
            Output = "beach.mp4",
            StartedAt = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            CompletedAt = new DateTime(2025, 1, 1, 0, 3, 0, DateTimeKind.Utc),
        },
        "/nemo/conversions");

    /// <summary>The real client type, through its protected constructor for mocking; records what would be sent.</summary>
    private sealed class RecordingPublisherClient : EventGridPublisherClient
    {
        public List<CloudEvent> Sent { get; } = [];

        public Exception? Failure { get; init; }

        public override Task<Response> SendEventAsync(CloudEvent cloudEvent, CancellationToken cancellationToken = default)
        {
            Sent.Add(cloudEvent);
            return Failure is null ? Task.FromResult<Response>(new AcceptedResponse()) : Task.FromException<Response>(Failure);
        }
    }

    private sealed class AcceptedResponse : Response
    {
        public override int Status => 200;

        public override string ReasonPhrase => "OK";

        public override Stream? ContentStream { get; set; }

        public override string ClientRequestId { get; set; } = string.Empty;

        public override void Dispose()
        {
        }

        protected override bool ContainsHeader(string name) => false;

        protected override IEnumerable<HttpHeader> EnumerateHeaders() => [];

        protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value)
        {
            value = null;
            return false;
        }

        protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
        {
            values = null;
            return false;
        }
    }
}
