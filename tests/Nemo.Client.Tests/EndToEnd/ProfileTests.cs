using System.Net;
using Nemo.Simulator;

namespace Nemo.Client.Tests.EndToEnd;

public sealed class ProfileTests
{
    private const long MiB = 1024 * 1024;

    [Fact]
    public async Task WithProfile_sends_the_profiles_skill_source_on_every_call_it_makes()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        await harness.TokenAsync();
        harness.Journal.Clear();
        var motion = harness.Client.WithProfile(NemoProfiles.MotionControl);

        var session = await harness.SessionWithImageAsync(motion);
        var (reply, draft) = await harness.PromptAsync(session.SessionId, NemoProfiles.MotionControl.TypicalPrompt, motion);
        var credits = await motion.GetCreditsAsync(harness.Deadline);

        Assert.Equal(NemoProfiles.MotionControl, motion.Profile);
        Assert.Equal(NemoProfiles.Best, harness.Client.Profile);
        Assert.True(reply.HadText);
        Assert.True(draft.IsExportable);
        Assert.Equal(0, credits.Available);
        Assert.Equal(
            [SimulatorEndpoint.CreateSession, SimulatorEndpoint.Upload, SimulatorEndpoint.RunSse, SimulatorEndpoint.State, SimulatorEndpoint.Credits],
            harness.Journal.Entries.Select(e => e.Endpoint));
        JournalAssert.AttributionOnEveryRequest(harness.Journal, "image-to-video-motion-control");
    }

    [Fact]
    public async Task A_60_MB_stream_to_motion_control_fails_once_with_4002_naming_the_50_MB_limit()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var motion = harness.Client.WithProfile(NemoProfiles.MotionControl);
        var session = await motion.CreateSessionAsync(cancellationToken: harness.Deadline);
        var source = new GeneratedStream(60 * MiB);

        var error = await Assert.ThrowsAsync<NemoApiException>(() =>
            motion.UploadAsync(session.SessionId, [new UploadFile("huge.png", source)], harness.Deadline));
        // The connection the server closed is not reused by mistake.
        var credits = await motion.GetCreditsAsync(harness.Deadline);

        Assert.Equal(4002, error.NemoCode);
        Assert.Equal(NemoErrorKind.Terminal, error.Kind);
        Assert.Contains("up to 50 MB", error.Meaning, StringComparison.Ordinal);
        Assert.Contains("motion-control", error.Meaning, StringComparison.Ordinal);
        Assert.True(source.Produced > 50 * MiB, $"the server stopped reading after {source.Produced} bytes");
        Assert.Equal(100, credits.Available);
        var upload = Assert.Single(JournalAssert.On(harness.Journal, SimulatorEndpoint.Upload));
        Assert.Equal((int)HttpStatusCode.OK, upload.StatusCode);
        // The token belongs to the client, not to a profile view: it was acquired with the configured profile.
        var tokenCall = Assert.Single(JournalAssert.On(harness.Journal, SimulatorEndpoint.AnonymousToken));
        Assert.Equal(NemoProfiles.Best.SkillSource, tokenCall.SkillSource);
        JournalAssert.AttributionOnEveryRequest(harness.Journal, "image-to-video-motion-control", exclude: e => e == tokenCall);
    }

    [Fact]
    public async Task A_pdf_named_jpg_is_refused_with_4001_listing_the_accepted_formats()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var motion = harness.Client.WithProfile(NemoProfiles.MotionControl);
        var session = await motion.CreateSessionAsync(cancellationToken: harness.Deadline);
        using var pdf = new MemoryStream(TestMedia.Pdf());

        var error = await Assert.ThrowsAsync<NemoApiException>(() =>
            motion.UploadAsync(session.SessionId, [new UploadFile("holiday.jpg", pdf)], harness.Deadline));

        Assert.Equal(4001, error.NemoCode);
        Assert.Equal(NemoErrorKind.Terminal, error.Kind);
        Assert.Contains("Accepted formats: video mp4, mov, avi, webm, mkv; image jpg, png, gif, webp, heic", error.Meaning, StringComparison.Ordinal);
        Assert.Contains("'motion-control' profile takes jpg, jpeg, png, webp, heic", error.Meaning, StringComparison.Ordinal);
        // Terminal: not retried although the stream could be rewound.
        Assert.Equal(1, harness.Journal.Count(SimulatorEndpoint.Upload));
        var state = await motion.GetStateAsync(session.SessionId, harness.Deadline);
        Assert.Equal(0, state.VideoInfos!.Value.GetArrayLength());
    }
}
