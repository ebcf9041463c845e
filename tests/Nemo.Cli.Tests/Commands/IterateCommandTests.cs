using System.Text.Json;
using Nemo.Cli.Tests.Support;
using Nemo.Simulator;

namespace Nemo.Cli.Tests.Commands;

/// <summary><c>nemo iterate</c> end to end: refine a finished conversion through the real command against the simulator.</summary>
public sealed class IterateCommandTests : IAsyncLifetime
{
    private const string FirstPrompt = "animate this image with a slow zoom-in and leftward pan";
    private SimulatedNemo _nemo = null!;

    public async Task InitializeAsync() => _nemo = await SimulatedNemo.StartAsync(o => o.StartingCredits = 1000);

    public async Task DisposeAsync() => await _nemo.DisposeAsync();

    private Task<CliResult> IterateAsync(string name, string prompt) =>
        NemoCli.RunAsync([.. _nemo.CommonArgs, "iterate", name, "--prompt", prompt, "--out", _nemo.OutputDirectory]);

    private async Task ConvertCoffeeAsync()
    {
        var image = _nemo.Folder.Write("in/coffee.jpg", File.ReadAllBytes(Path.Combine(NemoCli.SamplesDirectory, "coffee.jpg")));
        var run = await _nemo.ConvertAsync([image], "--prompt", FirstPrompt);
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    private JsonElement ReadResult(string fileName)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_nemo.OutputDirectory, fileName)));
        return json.RootElement.Clone();
    }

    [Fact]
    public async Task Iterate_refines_in_the_same_session_and_writes_the_next_version()
    {
        await ConvertCoffeeAsync();
        var first = ReadResult("coffee.result.json");

        var v2 = await IterateAsync("coffee", "make the pan slower and add a title");
        var v3 = await IterateAsync("coffee", "now fade out at the end");

        Assert.True(v2.ExitCode == 0, v2.ToString());
        Assert.True(v3.ExitCode == 0, v3.ToString());
        await Media.AssertPlayableMp4Async(Path.Combine(_nemo.OutputDirectory, "coffee.v2.mp4"));
        await Media.AssertPlayableMp4Async(Path.Combine(_nemo.OutputDirectory, "coffee.v3.mp4"));
        var second = ReadResult("coffee.v2.result.json");
        Assert.Equal("succeeded", second.GetProperty("status").GetString());
        Assert.Equal(first.GetProperty("sessionId").GetString(), second.GetProperty("sessionId").GetString());
        Assert.Contains("make the pan slower", second.GetProperty("prompt").GetString(), StringComparison.Ordinal);
        Assert.Equal(first.GetProperty("sessionId").GetString(), ReadResult("coffee.v3.result.json").GetProperty("sessionId").GetString());
        // One session: three prompts and three renders in it, one upload, and the first MP4 left as it was.
        var prompts = Assert.Single(_nemo.Simulator.Journal.PromptsPerSession());
        Assert.Equal(3, prompts.Value);
        Assert.Equal(3, Assert.Single(_nemo.Simulator.Journal.RendersPerSession()).Value);
        Assert.Equal(1, _nemo.Count(SimulatorEndpoint.Upload));
        await Media.AssertPlayableMp4Async(Path.Combine(_nemo.OutputDirectory, "coffee.mp4"));
        await _nemo.VerifyReplaysAsync();
    }

    [Fact]
    public async Task When_the_session_has_expired_it_starts_afresh_with_both_prompts()
    {
        await ConvertCoffeeAsync();
        var first = ReadResult("coffee.result.json");
        _nemo.Simulator.Faults.Add(Fault.On(SimulatorEndpoint.State).SessionLost().Once());

        var v2 = await IterateAsync("coffee", "make the pan slower");

        Assert.True(v2.ExitCode == 0, v2.ToString());
        await Media.AssertPlayableMp4Async(Path.Combine(_nemo.OutputDirectory, "coffee.v2.mp4"));
        var second = ReadResult("coffee.v2.result.json");
        Assert.NotEqual(first.GetProperty("sessionId").GetString(), second.GetProperty("sessionId").GetString());
        Assert.Contains(second.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("expired", StringComparison.Ordinal));
        Assert.Contains("coffee: note: The earlier Nemo session has expired (1002); made a fresh conversion of the original images with both prompts.", v2.Output, StringComparison.Ordinal);
        Assert.Equal(2, _nemo.Simulator.Journal.PromptsPerSession().Count);
        Assert.Equal(2, _nemo.Count(SimulatorEndpoint.Upload));
        await _nemo.VerifyReplaysAsync();
    }

    [Fact]
    public async Task Iterating_a_name_with_no_finished_conversion_is_a_usage_error_and_spends_nothing()
    {
        var run = await IterateAsync("nothing-here", "make it better");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no finished conversion", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Equal(0, _nemo.Count(SimulatorEndpoint.RunSse));
        Assert.False(File.Exists(Path.Combine(_nemo.OutputDirectory, "nothing-here.v2.mp4")));
    }
}
