using System.Text.Json;
using Nemo.Cli.Tests.Support;
using Nemo.Simulator;

namespace Nemo.Cli.Tests.Commands;

/// <summary>
/// The durability promise through a real process: kill <c>nemo convert</c> (entire process tree, like <c>kill -9</c>) while
/// the render runs, start the same command again, and it finishes without a second prompt or a second render.
/// </summary>
public sealed class CrashResumeTests : IAsyncLifetime
{
    private SimulatedNemo _nemo = null!;

    public async Task InitializeAsync() => _nemo = await SimulatedNemo.StartWithLongRendersAsync();

    public async Task DisposeAsync() => await _nemo.DisposeAsync();

    private NemoProcess StartNemo(string image) =>
        NemoProcess.Start(_nemo.Folder.Path, [.. _nemo.CommonArgs, "convert", image, "--out", _nemo.OutputDirectory, "--prompt", "animate this image with a slow zoom-in and leftward pan"]);

    [Fact]
    public async Task Killed_mid_render_and_started_again_it_resumes_without_a_second_prompt_or_render()
    {
        // Killed once the render is running (its first status check: the start is journaled by then).
        await KillThenResumeAsync(() => _nemo.Count(SimulatorEndpoint.RenderStart) > 0 && _nemo.Count(SimulatorEndpoint.RenderStatus) > 0);
    }

    [Fact]
    public async Task Killed_after_nemo_started_the_render_but_before_nemo_heard_back_it_continues_with_that_render()
    {
        // The activity's at-least-once window: Nemo has started the render, its answer is still on the way, nothing is
        // journaled yet. The re-run of StartRender must find the render by the id it claimed, not start another.
        _nemo.Simulator.Faults.Add(Fault.On(SimulatorEndpoint.RenderStart).LateResponse(TimeSpan.FromHours(1)).Once());

        await KillThenResumeAsync(() => _nemo.Simulator.Renders.Count > 0);

        var start = _nemo.Simulator.Journal.Entries.First(e => e.Endpoint == SimulatorEndpoint.RenderStart);
        Assert.Equal(FaultKind.LateResponse, start.Fault);
        Assert.Null(start.StatusCode);
    }

    private async Task KillThenResumeAsync(Func<bool> killWhen)
    {
        var image = _nemo.Folder.Write("in/coffee.jpg", File.ReadAllBytes(Path.Combine(NemoCli.SamplesDirectory, "coffee.jpg")));
        using (var first = StartNemo(image))
        {
            // Polled off the test framework's synchronization context.
            await Task.Run(() => Polling.UntilAsync(() => killWhen() || first.HasExited, TimeSpan.FromSeconds(120)));
            Assert.False(first.HasExited, "nemo finished before it could be killed");
            first.Kill();
            await first.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }

        Assert.False(
            File.Exists(Path.Combine(_nemo.OutputDirectory, "coffee.mp4")),
            "the MP4 was saved before the kill: " + string.Join(", ", _nemo.Simulator.Journal.Entries.Select(e => $"{e.Time:ss.fff} {e.Endpoint}")));

        using var second = StartNemo(image);
        var exit = await second.WaitForExitAsync(TimeSpan.FromSeconds(120));

        Assert.True(exit == 0, $"exit {exit}{second}");
        Assert.Contains("resuming", second.Output, StringComparison.Ordinal);
        var journal = string.Join(", ", _nemo.Simulator.Journal.Entries.Select(e => $"{e.Endpoint} {e.SessionId} {e.StatusCode}"));
        Assert.True(_nemo.Count(SimulatorEndpoint.RunSse) == 1 && _nemo.Count(SimulatorEndpoint.RenderStart) == 1, journal);
        var prompts = _nemo.Simulator.Journal.PromptsPerSession();
        var renders = _nemo.Simulator.Journal.RendersPerSession();
        var session = Assert.Single(prompts);
        Assert.Equal(1, session.Value);
        Assert.Equal(1, Assert.Single(renders).Value);
        Assert.Equal(session.Key, Assert.Single(renders).Key);
        Assert.Single(_nemo.Simulator.Renders);
        await Media.AssertPlayableMp4Async(Path.Combine(_nemo.OutputDirectory, "coffee.mp4"));
        using var result = JsonDocument.Parse(File.ReadAllText(Path.Combine(_nemo.OutputDirectory, "coffee.result.json")));
        Assert.Equal("succeeded", result.RootElement.GetProperty("status").GetString());
        Assert.Equal(session.Key, result.RootElement.GetProperty("sessionId").GetString());
        Assert.Equal(_nemo.Simulator.Renders[0].Id, result.RootElement.GetProperty("renderId").GetString());
        await _nemo.VerifyReplaysAsync();
    }
}
