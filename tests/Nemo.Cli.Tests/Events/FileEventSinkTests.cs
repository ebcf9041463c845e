using System.Text.Json;
using Nemo.Cli.Events;
using Nemo.Cli.Tests.Support;

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
    }
}
