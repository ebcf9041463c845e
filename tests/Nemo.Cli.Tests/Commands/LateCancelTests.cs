using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Nemo.Cli.Tests.Support;
using Nemo.Simulator;

namespace Nemo.Cli.Tests.Commands;

/// <summary>
/// A cancel that lands after the render finished keeps the paid render, through Ctrl+C on <c>nemo convert</c> and through
/// <c>POST /api/conversions/{id}/cancel</c> on <c>nemo serve</c>.
/// </summary>
/// <remarks>
/// The simulator finishes its renders at once (one simulated second at 1/100 speed, the bundled MP4), while nemo's clock
/// runs at real time, so its first render check is the profile's typical 30 s away: the test sees the render finished in
/// the simulator and cancels inside that window, before nemo has looked. Only Nemo's refusal to cancel tells it the render
/// is done.
/// </remarks>
public sealed class LateCancelTests
{
    private const string Prompt = "animate this image with a slow zoom-in and leftward pan";

    private static Task<SimulatedNemo> StartNemoAsync(ErrorStyle errorStyle) => SimulatedNemo.StartAsync(options =>
    {
        options.RenderDurationMin = options.RenderDurationMax = TimeSpan.FromSeconds(1);
        options.UseFfmpeg = false;
        options.ErrorStyle = errorStyle;
    });

    [Fact]
    public async Task Ctrl_c_after_the_render_finished_saves_the_mp4_and_succeeds_with_a_warning()
    {
        await using var nemo = await StartNemoAsync(ErrorStyle.HttpStatusEnvelope);
        var image = nemo.Folder.Write("in/coffee.jpg", File.ReadAllBytes(Path.Combine(NemoCli.SamplesDirectory, "coffee.jpg")));
        using var cancel = new CancellationTokenSource();
        var run = NemoCli.RunAsync([.. nemo.RealTimeArgs, "convert", image, "--out", nemo.OutputDirectory, "--prompt", Prompt], cancel.Token);

        await RenderFinishedAsync(nemo, run);
        await cancel.CancelAsync();
        var result = await run;

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("too late", result.Output, StringComparison.Ordinal);
        await AssertKeptAsync(nemo, "coffee");
        // Nemo refused the cancel the way nemo-api.md's HTTP-status style does: HTTP 409.
        Assert.Equal(409, Assert.Single(nemo.Simulator.Journal.Entries, e => e.Endpoint == SimulatorEndpoint.RenderCancel).StatusCode);
        await nemo.VerifyReplaysAsync();
    }

    [Fact]
    public async Task Api_cancel_after_the_render_finished_saves_the_mp4_and_succeeds_with_a_warning()
    {
        await using var nemo = await StartNemoAsync(ErrorStyle.Http200Envelope);
        using var stop = new CancellationTokenSource();
        var serve = NemoCli.Start([.. nemo.RealTimeArgs, "serve", "--urls", "http://127.0.0.1:0", "--out", nemo.OutputDirectory], stop.Token);
        var line = await serve.WaitForLineAsync("Listening on ", TimeSpan.FromSeconds(60));
        using var http = new HttpClient { BaseAddress = new Uri(line["Listening on ".Length..].Split([' ', ','], 2)[0]) };

        using var form = new MultipartFormDataContent();
        var picture = new StreamContent(File.OpenRead(Path.Combine(NemoCli.SamplesDirectory, "coffee.jpg")));
        picture.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(picture, "images", "coffee.jpg");
        form.Add(new StringContent(Prompt), "prompt");
        using var created = await http.PostAsync("api/conversions", form);
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;

        await RenderFinishedAsync(nemo, serve.Run);
        using var cancel = await http.PostAsync($"api/conversions/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        JsonElement resource = default;
        await Task.Run(() => Polling.UntilAsync(
            () =>
            {
                resource = JsonDocument.Parse(http.GetStringAsync($"api/conversions/{id}").GetAwaiter().GetResult()).RootElement.Clone();
                return resource.GetProperty("status").GetString() is not ("pending" or "running");
            },
            TimeSpan.FromSeconds(60)));

        Assert.Equal("succeeded", resource.GetProperty("status").GetString());
        Assert.Contains(resource.GetProperty("result").GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("too late", StringComparison.Ordinal));
        await AssertKeptAsync(nemo, "coffee");
        // The refusal came in the HTTP 200 envelope (success:false, code 409), and the render stayed completed.
        Assert.Equal(200, Assert.Single(nemo.Simulator.Journal.Entries, e => e.Endpoint == SimulatorEndpoint.RenderCancel).StatusCode);
        await stop.CancelAsync();
        Assert.Equal(0, await serve.Run);
        await nemo.VerifyReplaysAsync();
    }

    /// <summary>Waits until the simulator would report the one render completed; nemo has not checked it yet.</summary>
    private static async Task RenderFinishedAsync(SimulatedNemo nemo, Task running)
    {
        await Task.Run(() => Polling.UntilAsync(
            () => (nemo.Simulator.Renders is [{ FinalAt: { } final }] && final <= nemo.Simulator.Clock.GetUtcNow()) || running.IsCompleted,
            TimeSpan.FromSeconds(60)));
        Assert.False(running.IsCompleted, "nemo ended before the render finished");
        Assert.Equal(0, nemo.Count(SimulatorEndpoint.RenderStatus));
    }

    private static async Task AssertKeptAsync(SimulatedNemo nemo, string name)
    {
        await Media.AssertPlayableMp4Async(Path.Combine(nemo.OutputDirectory, name + ".mp4"));
        var resultPath = Path.Combine(nemo.OutputDirectory, name + ".result.json");
        Assert.True(File.Exists(resultPath), "no result file " + resultPath);
        using var json = JsonDocument.Parse(File.ReadAllText(resultPath));
        var result = json.RootElement;
        Assert.Equal("succeeded", result.GetProperty("status").GetString());
        Assert.Equal(name + ".mp4", result.GetProperty("output").GetString());
        var warning = Assert.Single(result.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("too late", StringComparison.Ordinal)).GetString()!;
        Assert.Contains("kept", warning, StringComparison.Ordinal);

        Assert.Equal(1, nemo.Count(SimulatorEndpoint.RenderStart));
        Assert.Equal(1, nemo.Count(SimulatorEndpoint.RunSse));
        var render = Assert.Single(nemo.Simulator.Renders);
        Assert.False(render.Cancelled);
        Assert.Equal(render.Id, result.GetProperty("renderId").GetString());
    }
}
