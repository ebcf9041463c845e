using Nemo.Simulator;

namespace Nemo.Client.Tests.EndToEnd;

public sealed class FullJobTests
{
    private const string Prompt = "turn my photo into a smooth animated 10 second vertical video with lo-fi music and the title \"Urban Dreams\"";

    [Fact]
    public async Task A_photo_becomes_a_downloaded_h264_mp4_with_one_token_one_prompt_and_one_render()
    {
        await using var harness = await SimulatorHarness.StartAsync(o => o.UseFfmpeg = true);
        var client = harness.Client;
        var ct = harness.Deadline;

        var session = await client.CreateSessionAsync(cancellationToken: ct);
        UploadResult upload;
        using (var image = new MemoryStream(TestImages.Png(64, 48)))
        {
            upload = await client.UploadAsync(session.SessionId, [new UploadFile("city_timelapse.png", image)], ct);
        }

        var reply = await ChatReply.CollectAsync(client.SendPromptAsync(session.SessionId, Prompt, ct), ct);
        var state = await client.GetStateAsync(session.SessionId, ct);
        var render = await client.StartRenderAsync(session.SessionId, state.Draft!, cancellationToken: ct);
        var final = await render.WaitForCompletionAsync(SimulatorHarness.PollInterval, ct);
        var path = harness.TempFile("render.mp4");
        long written;
        await using (var file = File.Create(path))
        {
            written = await client.DownloadRenderAsync(final, file, ct);
        }

        // A second process with the same token file reuses the persisted token.
        var credits = await harness.CreateClient().GetCreditsAsync(ct);

        var uploaded = Assert.Single(upload.Files);
        Assert.Equal("image", uploaded.FileType);
        Assert.Equal((64, 48), (uploaded.Width, uploaded.Height));
        Assert.True(reply.HadText);
        Assert.Contains("I've created your video", reply.Text, StringComparison.Ordinal);
        Assert.Equal("generate_video", Assert.Single(reply.ToolCalls).Name);
        Assert.Single(reply.ToolResults);
        Assert.Empty(reply.Errors);
        Assert.NotNull(state.Draft);
        Assert.True(state.Draft.IsExportable);
        Assert.Equal(
            "Timeline (3 tracks): 1. Video: city timelapse (0-10s) 2. BGM: Lo-Fi (0-10s, 35%) 3. Title: \"Urban Dreams\" (0-3s)",
            state.Draft.Summarize());
        Assert.Equal(RenderState.Completed, final.State);
        Assert.Equal(100, final.Progress);
        Assert.Null(final.Error);
        Assert.Equal(new FileInfo(path).Length, written);
        var head = new byte[12];
        await using (var file = File.OpenRead(path))
        {
            await file.ReadExactlyAsync(head, ct);
        }

        Assert.True(TestMedia.HasFtypBox(head), "the download is not an MP4");
        // One clip generated from 100 starting credits: charged exactly once.
        Assert.Equal(new NemoCredits(0, 0, 0), credits);

        if (TestMedia.FfprobePath is { } ffprobe)
        {
            Assert.True(harness.Simulator.UsesFfmpeg);
            var (codec, width, height) = await TestMedia.ProbeAsync(ffprobe, path, ct);
            Assert.Equal("h264", codec);
            Assert.Equal((1080, 1920), (width, height));
        }

        Assert.True(File.Exists(harness.TokenStorePath));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(harness.TokenStorePath));
        }

        var journal = harness.Journal;
        var token = Assert.Single(JournalAssert.On(journal, SimulatorEndpoint.AnonymousToken));
        Assert.False(string.IsNullOrEmpty(token.ClientId));
        Assert.Equal(new Dictionary<string, int> { [session.SessionId] = 1 }, journal.PromptsPerSession());
        Assert.Equal(new Dictionary<string, int> { [session.SessionId] = 1 }, journal.RendersPerSession());
        Assert.Equal(1, journal.Count(SimulatorEndpoint.RenderStart));
        Assert.Equal(1, journal.Count(SimulatorEndpoint.OutputFile));
        Assert.Equal(0, journal.Count(SimulatorEndpoint.RenderDownload));
        Assert.Single(journal.Entries.Where(e => e.HasAuthorization).Select(e => e.TokenHash).Distinct());
        Assert.All(journal.Entries, e => Assert.Equal(200, e.StatusCode));
        JournalAssert.AttributionOnEveryRequest(journal, NemoProfiles.Best.SkillSource);
    }
}
