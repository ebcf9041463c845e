using System.Text.Json;
using Nemo.Cli.Tests.Support;
using Nemo.Simulator;

namespace Nemo.Cli.Tests.Watching;

/// <summary><c>nemo watch</c> end to end against the simulator.</summary>
public sealed class WatchCommandTests : IAsyncLifetime
{
    private SimulatedNemo _nemo = null!;

    public async Task InitializeAsync() => _nemo = await SimulatedNemo.StartAsync();

    public async Task DisposeAsync() => await _nemo.DisposeAsync();

    [Fact]
    public async Task The_same_image_dropped_twice_is_one_conversion_and_outputs_do_not_retrigger()
    {
        var inbox = _nemo.Folder.Combine("inbox");
        Directory.CreateDirectory(inbox);
        using var stop = new CancellationTokenSource();
        var watch = NemoCli.Start([.. _nemo.CommonArgs, "watch", inbox, "--out", _nemo.OutputDirectory, "--prompt", "animate this image with a slow zoom-in and leftward pan"], stop.Token);
        await watch.WaitForLineAsync("Watching ", TimeSpan.FromSeconds(60));
        var image = await File.ReadAllBytesAsync(Path.Combine(NemoCli.SamplesDirectory, "coffee.jpg"));

        await File.WriteAllBytesAsync(Path.Combine(inbox, "coffee.jpg"), image);
        await File.WriteAllBytesAsync(Path.Combine(inbox, "coffee copy.jpg"), image);
        await Task.Run(() => Polling.UntilAsync(() => File.Exists(Path.Combine(_nemo.OutputDirectory, "coffee.result.json")) || File.Exists(Path.Combine(_nemo.OutputDirectory, "coffee copy.result.json")), TimeSpan.FromSeconds(90)));
        await stop.CancelAsync();

        Assert.Equal(0, await watch.Run);
        Assert.Equal(1, _nemo.Count(SimulatorEndpoint.RunSse));
        Assert.Equal(1, _nemo.Count(SimulatorEndpoint.RenderStart));
        var result = Directory.GetFiles(_nemo.OutputDirectory, "*.result.json").Single();
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(result));
        Assert.Equal("succeeded", json.RootElement.GetProperty("status").GetString());

        // After a restart the same content is still known: no new conversion.
        using var again = new CancellationTokenSource();
        var second = NemoCli.Start([.. _nemo.CommonArgs, "watch", inbox, "--out", _nemo.OutputDirectory], again.Token);
        await second.WaitForLineAsync("Watching ", TimeSpan.FromSeconds(60));
        await File.WriteAllBytesAsync(Path.Combine(inbox, "third.jpg"), image);
        await Task.Delay(TimeSpan.FromSeconds(3));
        await again.CancelAsync();
        Assert.Equal(0, await second.Run);
        Assert.Equal(1, _nemo.Count(SimulatorEndpoint.CreateSession));
        await _nemo.VerifyReplaysAsync();
    }

    [Fact]
    public async Task Every_outcome_gets_one_line_without_verbose_done_skipped_rejected_and_a_finished_batch()
    {
        var inbox = _nemo.Folder.Combine("inbox");
        Directory.CreateDirectory(inbox);
        using var stop = new CancellationTokenSource();
        var watch = NemoCli.Start([.. _nemo.CommonArgs, "watch", inbox, "--out", _nemo.OutputDirectory], stop.Token);
        await watch.WaitForLineAsync("Watching ", TimeSpan.FromSeconds(60));
        var image = await File.ReadAllBytesAsync(Path.Combine(NemoCli.SamplesDirectory, "coffee.jpg"));

        await File.WriteAllBytesAsync(Path.Combine(inbox, "coffee.jpg"), image);
        var done = await watch.WaitForLineAsync("coffee.jpg: done → ", TimeSpan.FromSeconds(90));
        await File.WriteAllBytesAsync(Path.Combine(inbox, "again.jpg"), image);
        var skipped = await watch.WaitForLineAsync("again.jpg: ", TimeSpan.FromSeconds(30));
        Directory.CreateDirectory(Path.Combine(inbox, "broken"));
        await File.WriteAllTextAsync(Path.Combine(inbox, "broken", "job.json"), "{ \"items\": [");
        var corrupt = await watch.WaitForLineAsync("broken/job.json: ", TimeSpan.FromSeconds(30));
        Directory.CreateDirectory(Path.Combine(inbox, "escape"));
        await File.WriteAllTextAsync(Path.Combine(inbox, "escape", "job.json"), """{ "items": [ { "images": ["../coffee.jpg"], "prompt": "a slow pan" } ] }""");
        var traversal = await watch.WaitForLineAsync("escape/job.json: ", TimeSpan.FromSeconds(30));
        Directory.CreateDirectory(Path.Combine(inbox, "trip"));
        await File.WriteAllBytesAsync(Path.Combine(inbox, "trip", "pier.jpg"), image);
        await File.WriteAllTextAsync(Path.Combine(inbox, "trip", "job.json"), """{ "items": [ { "images": ["pier.jpg"], "prompt": "a slow pan across the pier" } ] }""");
        var batch = await watch.WaitForLineAsync("trip/job.json: batch finished", TimeSpan.FromSeconds(90));
        await stop.CancelAsync();

        Assert.Equal(0, await watch.Run);
        Assert.Equal("", watch.Error);
        Assert.EndsWith(Path.Combine(_nemo.OutputDirectory, "coffee.mp4"), done, StringComparison.Ordinal);
        Assert.StartsWith("again.jpg: skipped, the same content was converted before (conv-", skipped, StringComparison.Ordinal);
        Assert.StartsWith("broken/job.json: rejected, nothing started: broken/job.json is not valid JSON", corrupt, StringComparison.Ordinal);
        Assert.EndsWith($"(→ {Path.Combine(_nemo.OutputDirectory, "broken", "summary.json")})", corrupt, StringComparison.Ordinal);
        Assert.StartsWith("escape/job.json: rejected, nothing started: ", traversal, StringComparison.Ordinal);
        Assert.Contains("items[0].images[0]", traversal, StringComparison.Ordinal);
        Assert.Equal($"trip/job.json: batch finished, 1 of 1 succeeded → {Path.Combine(_nemo.OutputDirectory, "trip", "summary.json")}", batch);
    }

    [Fact]
    public async Task An_outbox_inside_the_inbox_is_refused()
    {
        var inbox = _nemo.Folder.Combine("inbox");

        var run = await NemoCli.RunAsync([.. _nemo.CommonArgs, "watch", inbox, "--out", Path.Combine(inbox, "out")]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("inside the inbox", run.Error, StringComparison.Ordinal);
    }
}
