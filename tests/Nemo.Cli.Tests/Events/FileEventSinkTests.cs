using System.Text;
using System.Text.Json;
using Nemo.Cli.Events;
using Nemo.Cli.Tests.Support;
using Nemo.Conversions;

namespace Nemo.Cli.Tests.Events;

public sealed class FileEventSinkTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Events_are_appended_as_cloud_event_json_lines()
    {
        using var sink = new FileEventSink(_temp.Combine("state", "events.jsonl"));

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => sink.PublishAsync(TestResults.Event($"conv-{i}"))));

        var lines = await File.ReadAllLinesAsync(sink.Path);
        Assert.Equal(10, lines.Length);
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            Assert.Equal("1.0", json.RootElement.GetProperty("specversion").GetString());
            Assert.Equal("ai.nemo.conversion.succeeded", json.RootElement.GetProperty("type").GetString());
            Assert.Equal("succeeded", json.RootElement.GetProperty("data").GetProperty("status").GetString());
        }

        Assert.Equal(
            Enumerable.Range(0, 10).Select(i => $"conv-{i}/v1/succeeded").Order(),
            lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()).Order());
    }

    [Fact]
    public async Task Each_line_is_a_structured_cloud_event_a_consumer_can_decode()
    {
        using var sink = new FileEventSink(_temp.Combine("events.jsonl"));
        var published = TestResults.Event();

        await sink.PublishAsync(published);

        var line = Assert.Single(await File.ReadAllLinesAsync(sink.Path));
        var decoded = ConversionCloudEventFormat.Formatter.DecodeStructuredModeMessage(
            Encoding.UTF8.GetBytes(line), new System.Net.Mime.ContentType(WebhookEventSink.MediaType), extensionAttributes: null);
        Assert.Equal(published.Id, decoded.Id);
        Assert.Equal(published.Subject, decoded.Subject);
        Assert.Equal(published.Data.Output, Assert.IsType<ConversionResult>(decoded.Data).Output);
    }

    [Fact]
    public async Task An_invalid_event_is_rejected_and_nothing_is_written()
    {
        using var sink = new FileEventSink(_temp.Combine("events.jsonl"));

        await Assert.ThrowsAnyAsync<ArgumentException>(() => sink.PublishAsync(TestResults.Event() with { Type = "" }));

        Assert.False(File.Exists(sink.Path));
    }
}
