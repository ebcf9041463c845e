using System.Text.Json;
using Nemo.Cli.Tests.Support;

namespace Nemo.Cli.Tests.Commands;

/// <summary>
/// The offline demo, <c>nemo convert … --simulator</c>, run as its own process as the README has it: what it shows is
/// what the real service would — a video as long as its timeline (or the simulator's cap, which it says), times that
/// really happened, and a console without spurious warnings.
/// </summary>
public sealed class SimulatorDemoTests : IDisposable
{
    private const string Prompt = "animate this image with a slow zoom-in and leftward pan";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Sample(string name)
    {
        var path = _folder.Combine("in", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(Path.Combine(NemoCli.SamplesDirectory, name), path);
        return path;
    }

    private static JsonElement Json(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return json.RootElement.Clone();
    }

    [Fact]
    public async Task The_demo_video_follows_its_timeline_its_times_are_true_and_its_console_has_no_warning()
    {
        var image = Sample("coffee.jpg");
        var started = DateTimeOffset.UtcNow;

        var run = await NemoProcess.RunAsync(_folder.Path, "convert", image, "--prompt", Prompt, "--duration", "4", "--simulator", "--out", "out", "--state-dir", "state");
        var ended = DateTimeOffset.UtcNow;

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Error);
        Assert.DoesNotContain("warn", run.Output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("timed out", run.Output, StringComparison.OrdinalIgnoreCase);
        var video = await Ffmpeg.ProbeAsync(_folder.Combine("out", "coffee.mp4"));
        Assert.InRange(video.Seconds, 3.95, 4.1);
        Assert.Equal((1920, 1080, "h264"), (video.Width, video.Height, video.VideoCodec));

        var result = Json(_folder.Combine("out", "coffee.result.json"));
        Assert.Contains("(0-4s)", result.GetProperty("timeline").GetString(), StringComparison.Ordinal);
        Assert.True(TrueTimes.AssertWithin(result, started, ended, "result.json") >= 10);
        var events = File.ReadAllLines(_folder.Combine("state", "events.jsonl"));
        Assert.True(TrueTimes.AssertWithin(JsonDocument.Parse(Assert.Single(events)).RootElement, started, ended, "the CloudEvent") >= 10);
        var instance = Assert.Single(Directory.GetDirectories(_folder.Combine("state", "instances")));
        Assert.True(TrueTimes.AssertWithin(Json(Path.Combine(instance, "instance.json")), started, ended, "instance.json") >= 10);
    }

    [Fact]
    public async Task A_timeline_longer_than_the_simulators_cap_is_rendered_in_it_and_the_console_says_so()
    {
        // No motion: a still held for 10 s encodes in well under a second, so the render's time is the simulator's.
        var run = await NemoProcess.RunAsync(
            _folder.Path, "convert", Sample("chelsea.png"), "--prompt", "make a calm video of this photo", "--duration", "12", "--simulator", "--out", "out", "--state-dir", "state");

        Assert.True(run.ExitCode == 0, run.ToString());
        var video = await Ffmpeg.ProbeAsync(_folder.Combine("out", "chelsea.mp4"));
        Assert.InRange(video.Seconds, 9.95, 10.1);
        Assert.Contains("(0-12s)", Json(_folder.Combine("out", "chelsea.result.json")).GetProperty("timeline").GetString(), StringComparison.Ordinal);
        Assert.Contains("the draft's timeline is 12 s; the simulator renders it in 10 s", run.Output, StringComparison.Ordinal);
        Assert.Contains("Simulator:MaxVideoLength", run.Output, StringComparison.Ordinal);
    }
}
