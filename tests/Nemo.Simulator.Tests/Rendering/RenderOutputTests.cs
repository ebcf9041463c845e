using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Nemo.Simulator.Tests.Rendering;

/// <summary>
/// The MP4 a render makes with ffmpeg, as the real service's would be: as long as the draft's timeline (or the
/// simulator's cap, which it says), with an audio track where the draft has music, an animated GIF still moving; and
/// an encode stopped on purpose is not reported as a timeout.
/// </summary>
public sealed class RenderOutputTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nemo-render-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<string> RenderAsync(RawNemo nemo, string session, JsonNode draft, string id)
    {
        await nemo.CallAsync(HttpMethod.Post, "api/render/proxy/lambda", RawNemo.RenderBody(id, session, draft));
        var final = await RawNemo.WaitForAsync(
            async () => (await nemo.CallAsync(HttpMethod.Get, "api/render/proxy/lambda/" + id)).Body is var b && (string)b!["data"]!["status"]! == "completed" ? b : null,
            seconds: 120);
        var path = Path.Combine(_folder, id + ".mp4");
        await File.WriteAllBytesAsync(path, await nemo.Http.GetByteArrayAsync((string)final["data"]!["outputUrl"]!));
        return path;
    }

    private static async Task<(string Session, JsonObject Draft)> DraftWithAsync(RawNemo nemo, string fileName, byte[] image, string prompt)
    {
        await nemo.AcquireTokenAsync();
        var session = await nemo.CreateSessionAsync();
        Assert.Equal(0, (int)(await nemo.UploadAsync(session, fileName, image)).Body!["code"]!);
        await nemo.PromptAsync(session, prompt);
        return (session, await RawNemo.WaitForAsync(async () => await nemo.DraftAsync(session) is var d && ((JsonArray)d["t"]!).Count > 0 ? d : null));
    }

    [Fact]
    public async Task The_mp4_is_as_long_as_the_drafts_timeline()
    {
        var (sim, nemo) = await RawNemo.StartAsync(o => o.UseFfmpeg = true);
        await using var _ = sim;
        using var __ = nemo;
        var (session, draft) = await nemo.DraftedSessionAsync("animate this image with a slow zoom-in, a 3 second video");

        var video = await Ffmpeg.ProbeAsync(await RenderAsync(nemo, session, draft, "render_1"));

        Assert.Equal(3000, (int)draft["d"]!);
        Assert.InRange(video.Seconds, 2.95, 3.1);
        Assert.Equal((1920, 1080, "h264"), (video.Width, video.Height, video.VideoCodec));
    }

    [Fact]
    public async Task Background_music_gives_an_aac_audio_track_and_a_draft_without_an_audio_track_gives_none()
    {
        var (sim, nemo) = await RawNemo.StartAsync(o => o.UseFfmpeg = true);
        await using var _ = sim;
        using var __ = nemo;
        var (session, draft) = await nemo.DraftedSessionAsync("a slow zoom-in with background music, a 2 second video");
        var silent = (JsonObject)draft.DeepClone();
        ((JsonArray)silent["t"]!).RemoveAll(t => (int)t!["tt"]! == 1);

        var withMusic = await Ffmpeg.ProbeAsync(await RenderAsync(nemo, session, draft, "render_music"));
        var without = await Ffmpeg.ProbeAsync(await RenderAsync(nemo, session, silent, "render_silent"));

        Assert.Contains(((JsonArray)draft["t"]!).OfType<JsonObject>(), t => (int)t["tt"]! == 1);
        Assert.Equal("aac", withMusic.AudioCodec);
        Assert.InRange(withMusic.Seconds, 1.95, 2.1);
        Assert.Null(without.AudioCodec);
    }

    [Fact]
    public async Task A_timeline_longer_than_MaxVideoLength_is_rendered_in_it_and_the_simulator_says_so()
    {
        var logs = new LogCapture();
        var (sim, nemo) = await RawNemo.StartAsync(o => (o.UseFfmpeg, o.MaxVideoLength) = (true, TimeSpan.FromSeconds(2)), logs);
        await using var _ = sim;
        using var __ = nemo;
        var (session, draft) = await nemo.DraftedSessionAsync("animate this image with a slow zoom-in, a 6 second video");

        var video = await Ffmpeg.ProbeAsync(await RenderAsync(nemo, session, draft, "render_capped"));

        Assert.InRange(video.Seconds, 1.95, 2.1);
        var said = Assert.Single(logs.Entries, e => e.EventId == 5505);
        Assert.Equal(LogLevel.Warning, said.Level);
        Assert.Contains("render_capped", said.Message, StringComparison.Ordinal);
        Assert.Contains("timeline is 6 s", said.Message, StringComparison.Ordinal);
        Assert.Contains("in 2 s", said.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_animated_gif_keeps_moving_in_the_ezgif_profile_and_a_still_stands_still()
    {
        var (sim, nemo) = await RawNemo.StartAsync(o => (o.UseFfmpeg, o.StartingCredits) = (true, 1000));
        await using var _ = sim;
        using var __ = nemo;
        nemo.SkillSource = "image-to-video-ezgif";
        var gifPath = Path.Combine(_folder, "spinner.gif");
        await Ffmpeg.AnimatedGifAsync(gifPath);
        var (gifSession, gifDraft) = await DraftWithAsync(nemo, "spinner.gif", await File.ReadAllBytesAsync(gifPath), "turn my images into a looping animated video like ezgif does, 3 seconds");
        var (stillSession, stillDraft) = await DraftWithAsync(nemo, "still.png", TestImages.Png(160, 120), "turn my images into a looping animated video like ezgif does, 3 seconds");

        var moving = await Ffmpeg.ChangesAsync(await RenderAsync(nemo, gifSession, gifDraft, "render_gif"), perSecond: 5, seconds: 3);
        var still = await Ffmpeg.ChangesAsync(await RenderAsync(nemo, stillSession, stillDraft, "render_still"), perSecond: 5, seconds: 3);

        Assert.True(moving.Count >= 12, $"{moving.Count} samples");
        Assert.All(moving, change => Assert.True(change > 3, $"the GIF stood still: {string.Join(", ", moving)}"));
        Assert.All(still, change => Assert.True(change < 1, $"the still moved: {string.Join(", ", still)}"));
    }

    [Fact]
    public async Task A_cancelled_render_stops_its_encode_and_no_timeout_is_reported()
    {
        var logs = new LogCapture();
        var (sim, nemo) = await RawNemo.StartAsync(o => (o.UseFfmpeg, o.MaxVideoLength) = (true, TimeSpan.FromMinutes(2)), logs);
        await using var _ = sim;
        using var __ = nemo;
        var (session, draft) = await nemo.DraftedSessionAsync("animate this image with a slow zoom-in and leftward pan, a 2 minute video");
        await nemo.CallAsync(HttpMethod.Post, "api/render/proxy/lambda", RawNemo.RenderBody("render_long", session, draft));
        await RawNemo.WaitForAsync(() => Task.FromResult(Directory.EnumerateFiles(sim.StorageDirectory, "*.part", SearchOption.AllDirectories).FirstOrDefault()));

        var (response, _) = await nemo.CallAsync(HttpMethod.Post, "api/render/proxy/lambda/render_long/cancel");

        Assert.True(response.IsSuccessStatusCode);
        await RawNemo.WaitForAsync(() => Task.FromResult(logs.Entries.Any(e => e.EventId == 5506) ? "stopped" : null), seconds: 10);
        Assert.DoesNotContain(logs.Entries, e => e.EventId == 5501);
    }

    [Fact]
    public async Task A_simulator_stopped_mid_encode_reports_no_timeout()
    {
        var logs = new LogCapture();
        var (sim, nemo) = await RawNemo.StartAsync(o => (o.UseFfmpeg, o.MaxVideoLength) = (true, TimeSpan.FromMinutes(2)), logs);
        using (nemo)
        {
            await using var _ = sim;
            var (session, draft) = await nemo.DraftedSessionAsync("animate this image with a slow zoom-in and leftward pan, a 2 minute video");
            await nemo.CallAsync(HttpMethod.Post, "api/render/proxy/lambda", RawNemo.RenderBody("render_long", session, draft));
            await RawNemo.WaitForAsync(() => Task.FromResult(Directory.EnumerateFiles(sim.StorageDirectory, "*.part", SearchOption.AllDirectories).FirstOrDefault()));
        }

        await RawNemo.WaitForAsync(() => Task.FromResult(logs.Entries.Any(e => e.EventId is 5501 or 5506) ? "ended" : null), seconds: 10);
        Assert.DoesNotContain(logs.Entries, e => e.EventId == 5501 || e.Message.Contains("timed out", StringComparison.Ordinal));
    }
}
