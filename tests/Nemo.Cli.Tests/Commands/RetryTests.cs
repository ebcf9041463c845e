using System.Text.Json;
using Nemo.Cli.Tests.Support;
using Nemo.Simulator;

namespace Nemo.Cli.Tests.Commands;

/// <summary>
/// <c>nemo convert --retry</c>: a failed or cancelled conversion is tried again under a new instance id, keeping what the
/// earlier attempt paid for (its session and draft, never a second prompt), and the message ending such a run says so.
/// </summary>
public sealed class RetryTests : IAsyncLifetime
{
    private const string Prompt = "animate this image with a slow zoom-in and leftward pan";

    private SimulatedNemo _nemo = null!;
    private string _image = null!;

    public async Task InitializeAsync()
    {
        _nemo = await SimulatedNemo.StartAsync();
        _image = _nemo.Folder.Write("in/coffee.jpg", File.ReadAllBytes(Path.Combine(NemoCli.SamplesDirectory, "coffee.jpg")));
    }

    public async Task DisposeAsync() => await _nemo.DisposeAsync();

    private string[] Convert => [.. _nemo.CommonArgs, "convert", _image, "--out", _nemo.OutputDirectory, "--prompt", Prompt];

    private JsonElement Result()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_nemo.OutputDirectory, "coffee.result.json")));
        return json.RootElement.Clone();
    }

    [Fact]
    public async Task A_cancelled_conversion_says_how_to_retry_and_the_retry_renders_the_same_draft_with_no_second_prompt()
    {
        using var cancel = new CancellationTokenSource();
        var running = NemoCli.RunAsync(Convert, cancel.Token);
        await Task.Run(() => Polling.UntilAsync(() => _nemo.Count(SimulatorEndpoint.RenderStart) > 0 || running.IsCompleted, TimeSpan.FromSeconds(60)));
        await cancel.CancelAsync();
        var cancelled = await running;
        var first = Result();

        Assert.True(cancelled.ExitCode == 130, cancelled.ToString());
        Assert.Contains("run the same command with --retry", cancelled.Error, StringComparison.Ordinal);
        Assert.True(first.GetProperty("sessionPrompted").GetBoolean());

        // The same command alone reports the cancelled attempt again (and the way out), spending nothing.
        var again = await NemoCli.RunAsync(Convert);
        Assert.Equal(130, again.ExitCode);
        Assert.Contains("--retry", again.Error, StringComparison.Ordinal);

        var retried = await NemoCli.RunAsync([.. Convert, "--retry"]);

        Assert.True(retried.ExitCode == 0, retried.ToString());
        var firstId = first.GetProperty("id").GetString()!;
        var second = Result();
        Assert.Equal("succeeded", second.GetProperty("status").GetString());
        Assert.Equal(firstId + ".2", second.GetProperty("id").GetString());
        Assert.Equal(firstId, second.GetProperty("retryOf").GetString());
        Assert.Equal(first.GetProperty("sessionId").GetString(), second.GetProperty("sessionId").GetString());
        Assert.Contains($"continuing Nemo session {first.GetProperty("sessionId").GetString()} with no new prompt", retried.Output, StringComparison.Ordinal);
        Assert.Equal(1, _nemo.Count(SimulatorEndpoint.RunSse));
        Assert.Equal(1, _nemo.Count(SimulatorEndpoint.CreateSession));
        Assert.Equal(2, _nemo.Count(SimulatorEndpoint.RenderStart));
        await Media.AssertPlayableMp4Async(Path.Combine(_nemo.OutputDirectory, "coffee.mp4"));

        // From now on the same command (with --retry or without) reports the attempt that succeeded, spending nothing.
        var done = await NemoCli.RunAsync([.. Convert, "--retry"]);
        Assert.True(done.ExitCode == 0, done.ToString());
        Assert.Contains("nothing to retry", done.Output, StringComparison.Ordinal);
        Assert.Equal(2, _nemo.Count(SimulatorEndpoint.RenderStart));
        await _nemo.VerifyReplaysAsync();
    }

    [Fact]
    public async Task A_conversion_whose_render_failed_twice_is_retried_from_its_draft()
    {
        _nemo.Simulator.Faults.Add(Fault.On(SimulatorEndpoint.RenderStatus).RenderFailed("encoder stopped unexpectedly").Times(2));

        var failed = await NemoCli.RunAsync(Convert);

        Assert.True(failed.ExitCode == 1, failed.ToString());
        Assert.Contains("The render failed twice", failed.Error, StringComparison.Ordinal);
        Assert.Contains("run the same command with --retry", failed.Error, StringComparison.Ordinal);

        var retried = await NemoCli.RunAsync([.. Convert, "--retry"]);

        Assert.True(retried.ExitCode == 0, retried.ToString());
        Assert.Equal("succeeded", Result().GetProperty("status").GetString());
        Assert.Equal(1, _nemo.Count(SimulatorEndpoint.RunSse));
        Assert.Equal(3, _nemo.Count(SimulatorEndpoint.RenderStart));
    }

    [Fact]
    public async Task A_prompt_nemo_refused_is_retried_from_the_start_once_the_cause_is_gone()
    {
        _nemo.Simulator.Faults.Add(Fault.On(SimulatorEndpoint.RunSse).OutOfCredits().Once());

        var refused = await NemoCli.RunAsync(Convert);

        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.False(Result().GetProperty("sessionPrompted").GetBoolean());

        var retried = await NemoCli.RunAsync([.. Convert, "--retry"]);

        Assert.True(retried.ExitCode == 0, retried.ToString());
        Assert.Contains("nothing was generated before, so from the start", retried.Output, StringComparison.Ordinal);
        Assert.Equal(2, _nemo.Count(SimulatorEndpoint.CreateSession));
        Assert.Equal(2, _nemo.Count(SimulatorEndpoint.RunSse));
    }
}
