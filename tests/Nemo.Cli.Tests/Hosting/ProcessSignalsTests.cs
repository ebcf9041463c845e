using System.Text.Json;
using System.Text.RegularExpressions;
using Nemo.Cli.Tests.Support;
using Nemo.Simulator;

namespace Nemo.Cli.Tests.Hosting;

/// <summary>
/// SIGTERM and SIGINT sent to a real <c>nemo</c> process: every command stops within its bound with the documented exit
/// code, and a conversion stopped by SIGTERM is resumed by the same command without a second prompt or render.
/// </summary>
public sealed partial class ProcessSignalsTests : IAsyncLifetime
{
    /// <summary>The documented bound (8 s after SIGTERM), plus room for a slow start on a busy machine.</summary>
    private static readonly TimeSpan StopWithin = TimeSpan.FromSeconds(20);

    private SimulatedNemo _nemo = null!;

    public async Task InitializeAsync() => _nemo = await SimulatedNemo.StartWithLongRendersAsync();

    public async Task DisposeAsync() => await _nemo.DisposeAsync();

    [Theory]
    [InlineData("TERM", "SIGTERM")]
    [InlineData("INT", "Ctrl+C")]
    public async Task Serve_stops_listening_and_exits_0(string signal, string said)
    {
        using var serve = NemoProcess.Start(_nemo.Folder.Path, [.. _nemo.CommonArgs, "serve", "--urls", "http://127.0.0.1:0", "--out", _nemo.OutputDirectory]);
        var listening = await serve.WaitForLineAsync("Listening on ", TimeSpan.FromSeconds(60));
        var health = new Uri(ListeningUrl().Match(listening).Value.TrimEnd('/') + "/api/health");
        using var http = new HttpClient();
        Assert.True((await http.GetAsync(health)).IsSuccessStatusCode);

        serve.Signal(signal);

        Assert.Equal(0, await serve.WaitForExitAsync(StopWithin));
        Assert.Contains($"Stopped ({said})", serve.Output, StringComparison.Ordinal);
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(health));
    }

    [Theory]
    [InlineData("TERM", "SIGTERM")]
    [InlineData("INT", "Ctrl+C")]
    public async Task Watch_stops_and_exits_0(string signal, string said)
    {
        var inbox = Directory.CreateDirectory(_nemo.Folder.Combine("inbox")).FullName;
        using var watch = NemoProcess.Start(_nemo.Folder.Path, [.. _nemo.CommonArgs, "watch", inbox, "--out", _nemo.OutputDirectory]);
        await watch.WaitForLineAsync("Watching ", TimeSpan.FromSeconds(60));

        watch.Signal(signal);

        Assert.Equal(0, await watch.WaitForExitAsync(StopWithin));
        Assert.Contains($"Stopped ({said})", watch.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Convert_stopped_by_SIGTERM_mid_render_exits_143_and_the_same_command_resumes_it_without_a_second_prompt()
    {
        var image = _nemo.Folder.Write("in/coffee.jpg", File.ReadAllBytes(Path.Combine(NemoCli.SamplesDirectory, "coffee.jpg")));
        string[] convert = [.. _nemo.CommonArgs, "convert", image, "--out", _nemo.OutputDirectory, "--prompt", "animate this image with a slow zoom-in and leftward pan"];
        using (var first = await StartedMidRenderAsync(convert))
        {
            first.Signal("TERM");

            Assert.Equal(143, await first.WaitForExitAsync(StopWithin));
            Assert.Contains("stopped by SIGTERM", first.Error, StringComparison.Ordinal);
            Assert.Contains("run the same command again to resume it", first.Error, StringComparison.Ordinal);
        }

        // Nothing was counted as failed: no result yet, and the render Nemo kept running is the one the re-run saves.
        Assert.False(File.Exists(Path.Combine(_nemo.OutputDirectory, "coffee.result.json")));
        var again = await NemoCli.RunAsync(convert);

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("resuming", again.Output, StringComparison.Ordinal);
        Assert.Equal(1, _nemo.Count(SimulatorEndpoint.RunSse));
        Assert.Equal(1, _nemo.Count(SimulatorEndpoint.RenderStart));
        using var result = JsonDocument.Parse(File.ReadAllText(Path.Combine(_nemo.OutputDirectory, "coffee.result.json")));
        Assert.Equal("succeeded", result.RootElement.GetProperty("status").GetString());
        Assert.Equal(_nemo.Simulator.Renders[0].Id, result.RootElement.GetProperty("renderId").GetString());
        await _nemo.VerifyReplaysAsync();
    }

    [Fact]
    public async Task Convert_with_the_in_process_simulator_stopped_by_SIGTERM_mid_render_fails_nothing_and_the_same_command_finishes_it()
    {
        // The in-process simulator must not stop on the signal while nemo still relies on it (it used to, and the render
        // in flight failed twice). At 0.1 its agent takes ~15 s and its render ~8 s: the signal lands mid-render.
        var folder = Directory.CreateDirectory(_nemo.Folder.Combine("demo")).FullName;
        var image = _nemo.Folder.Write("demo/coffee.jpg", File.ReadAllBytes(Path.Combine(NemoCli.SamplesDirectory, "coffee.jpg")));
        string[] convert = ["convert", image, "--prompt", "animate this image with a slow zoom-in and leftward pan", "--simulator", "--out", "out", "--state-dir", "state"];
        using (var first = NemoProcess.Start(folder, [.. convert, "--simulator-time-scale", "0.1"]))
        {
            await first.WaitForLineAsync("render: Starting the render", TimeSpan.FromSeconds(120));
            first.Signal("TERM");

            Assert.Equal(143, await first.WaitForExitAsync(StopWithin));
            Assert.Contains("stopped by SIGTERM", first.Error, StringComparison.Ordinal);
        }

        Assert.False(File.Exists(Path.Combine(folder, "out", "coffee.result.json")));
        var again = await NemoProcess.RunAsync(folder, convert);

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("resuming", again.Output, StringComparison.Ordinal);
        using var result = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "out", "coffee.result.json")));
        Assert.Equal("succeeded", result.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Convert_interrupted_by_SIGINT_mid_render_is_cancelled_and_exits_130()
    {
        var image = _nemo.Folder.Write("in/coffee.jpg", File.ReadAllBytes(Path.Combine(NemoCli.SamplesDirectory, "coffee.jpg")));
        using var convert = await StartedMidRenderAsync(
            [.. _nemo.CommonArgs, "convert", image, "--out", _nemo.OutputDirectory, "--prompt", "animate this image with a slow zoom-in and leftward pan"]);

        convert.Signal("INT");

        Assert.Equal(130, await convert.WaitForExitAsync(StopWithin));
        Assert.Contains("run the same command with --retry", convert.Error, StringComparison.Ordinal);
        using var result = JsonDocument.Parse(File.ReadAllText(Path.Combine(_nemo.OutputDirectory, "coffee.result.json")));
        Assert.Equal("cancelled", result.RootElement.GetProperty("status").GetString());
        Assert.Equal(1, _nemo.Count(SimulatorEndpoint.RenderCancel));
    }

    /// <summary>Starts <c>nemo <paramref name="args"/></c> and returns once Nemo has been asked how its render is going.</summary>
    private async Task<NemoProcess> StartedMidRenderAsync(string[] args)
    {
        var process = NemoProcess.Start(_nemo.Folder.Path, args);
        await Task.Run(() => Polling.UntilAsync(() => _nemo.Count(SimulatorEndpoint.RenderStatus) > 0 || process.HasExited, TimeSpan.FromSeconds(120)));
        Assert.False(process.HasExited, $"nemo finished before the signal{process}");
        return process;
    }

    [GeneratedRegex(@"http://[^ ,]+")]
    private static partial Regex ListeningUrl();
}
