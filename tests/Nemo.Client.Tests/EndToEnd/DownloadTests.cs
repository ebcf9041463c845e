using Nemo.Simulator;

namespace Nemo.Client.Tests.EndToEnd;

public sealed class DownloadTests
{
    [Fact]
    public async Task A_truncated_download_throws_instead_of_returning_a_short_file()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var (session, draft) = await harness.ReadyDraftAsync();
        var render = await harness.Client.StartRenderAsync(session.SessionId, draft, cancellationToken: harness.Deadline);
        var final = await render.WaitForCompletionAsync(SimulatorHarness.PollInterval, harness.Deadline);
        harness.Simulator.Faults.Add(Fault.On(SimulatorEndpoint.OutputFile).TruncatedDownload(0.5).Once());

        using var partial = new MemoryStream();
        var error = await Assert.ThrowsAsync<NemoApiException>(() => harness.Client.DownloadRenderAsync(final, partial, harness.Deadline));
        using var complete = new MemoryStream();
        var written = await harness.Client.DownloadRenderAsync(final, complete, harness.Deadline);

        Assert.Equal(NemoErrorKind.Transient, error.Kind);
        Assert.Contains("cut off", error.Meaning, StringComparison.Ordinal);
        Assert.Contains($"of {complete.Length} bytes", error.Meaning, StringComparison.Ordinal);
        Assert.True(partial.Length < complete.Length, $"{partial.Length} of {complete.Length} bytes");
        Assert.Equal(complete.Length, written);
        Assert.True(TestMedia.HasFtypBox(complete.GetBuffer().AsSpan(0, 12)));
        var downloads = JournalAssert.On(harness.Journal, SimulatorEndpoint.OutputFile);
        Assert.Equal(2, downloads.Count);
        Assert.True(downloads[0].Aborted);
        Assert.Equal(0, harness.Journal.Count(SimulatorEndpoint.RenderDownload));
        JournalAssert.AttributionOnEveryRequest(harness.Journal, NemoProfiles.Best.SkillSource);
    }

    [Fact]
    public async Task When_the_output_url_answers_404_the_authenticated_fallback_download_is_used()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var (session, draft) = await harness.ReadyDraftAsync();
        var render = await harness.Client.StartRenderAsync(session.SessionId, draft, cancellationToken: harness.Deadline);
        var final = await render.WaitForCompletionAsync(SimulatorHarness.PollInterval, harness.Deadline);
        harness.Simulator.Faults.Add(Fault.On(SimulatorEndpoint.OutputFile).NemoError(404, "expired link").As(ErrorStyle.HttpStatusEnvelope));

        using var video = new MemoryStream();
        var written = await harness.Client.DownloadRenderAsync(final, video, harness.Deadline);

        Assert.Equal(video.Length, written);
        Assert.True(TestMedia.HasFtypBox(video.GetBuffer().AsSpan(0, 12)));
        Assert.Equal(404, Assert.Single(JournalAssert.On(harness.Journal, SimulatorEndpoint.OutputFile)).StatusCode);
        var fallback = Assert.Single(JournalAssert.On(harness.Journal, SimulatorEndpoint.RenderDownload));
        Assert.Equal(render.Id, fallback.RenderId);
        Assert.Equal(200, fallback.StatusCode);
        JournalAssert.AttributionOnEveryRequest(harness.Journal, NemoProfiles.Best.SkillSource);
    }
}
