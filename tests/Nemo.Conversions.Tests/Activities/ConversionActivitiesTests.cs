using System.Text.Json;
using Nemo.Client;
using Nemo.Conversions.Tests.Testing;
using Nemo.Simulator;

namespace Nemo.Conversions.Tests.Activities;

public sealed class ConversionActivitiesTests
{
    private static readonly DateTime RequestedAt = new(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Whole_job_against_the_simulator_saves_an_mp4()
    {
        await using var h = await ActivitiesHarness.StartAsync();
        var a = h.Activities;
        var credits = await a.GetCreditsAsync(h.Deadline);
        Assert.Equal(100, credits!.Available);

        var sessionId = await h.SessionWithImageAsync();
        Assert.Equal(0, h.Store.OpenStreams);
        var reply = await a.SendPromptAsync(new SendPromptInput("conv-1", "best", sessionId, "turn my photo into a smooth animated video", 1), h.Deadline);
        Assert.True(reply.Succeeded, reply.Failure?.Reason);
        Assert.False(reply.Value!.Interrupted);
        Assert.True(reply.Value.HadText);
        var draft = await a.ReadDraftAsync(new ReadDraftInput("best", sessionId), h.Deadline);
        Assert.True(draft.Value!.Exportable);
        Assert.Equal(64, draft.Value.Fingerprint.Length);
        Assert.StartsWith("Timeline (", draft.Value.Summary, StringComparison.Ordinal);

        var render = (await a.StartRenderAsync(new StartRenderInput("conv-1", "best", sessionId, 1, RequestedAt), h.Deadline)).Value!;
        Assert.StartsWith("render_", render.RenderId, StringComparison.Ordinal);
        RenderSnapshot status;
        do
        {
            await Task.Delay(25, h.Deadline);
            status = (await a.CheckRenderAsync(new RenderInput("best", sessionId, render.RenderId), h.Deadline)).Value!;
        }
        while (status.State is not (RenderState.Completed or RenderState.Failed));

        Assert.Equal(RenderState.Completed, status.State);
        var saved = await a.SaveOutputAsync(new SaveOutputInput("best", render.RenderId, "beach.mp4", "conv-1"), h.Deadline);
        Assert.True(saved.Succeeded, saved.Failure?.Reason);
        var output = h.Store.Outputs["beach.mp4"];
        Assert.Equal("video/mp4", output.ContentType);
        Assert.Equal(saved.Value!.Bytes, output.Bytes.Length);
        Assert.True(output.Bytes.Length > 0);
        Assert.Equal("conv-1", output.Metadata!["instanceId"]);
        Assert.Equal(render.RenderId, output.Metadata["renderId"]);
        Assert.Equal(1, h.Simulator.Journal.Count(SimulatorEndpoint.RunSse));
        Assert.Equal(1, h.Simulator.Journal.Count(SimulatorEndpoint.RenderStart));
    }

    [Fact]
    public async Task Prompt_already_in_the_ledger_is_not_sent_again()
    {
        await using var h = await ActivitiesHarness.StartAsync();
        var sessionId = await h.SessionWithImageAsync();
        var input = new SendPromptInput("conv-2", "best", sessionId, "make a video", 1);

        var first = await h.Activities.SendPromptAsync(input, h.Deadline);
        var second = await h.Activities.SendPromptAsync(input, h.Deadline);

        Assert.False(first.Value!.AlreadySent);
        Assert.True(second.Value!.AlreadySent);
        Assert.Equal("conv-2", h.Ledger.Keys["conv-2/prompt/1"]);
        Assert.Equal(1, h.Simulator.Journal.Count(SimulatorEndpoint.RunSse));
    }

    [Theory]
    [MemberData(nameof(Samples.ClarifyingReplies), MemberType = typeof(Samples))]
    [InlineData("I can turn your images into videos.")]
    public async Task A_reply_with_words_and_no_work_asked_instead_of_drafting_whatever_its_punctuation_or_language(string said)
    {
        await using var h = await ActivitiesHarness.StartAsync(o => (o.PromptQuirks, o.ClarifyingText) = (PromptQuirks.ClarifyingQuestion, said));
        var sessionId = await h.SessionWithImageAsync();

        var reply = await h.Activities.SendPromptAsync(new SendPromptInput("conv-ask", "best", sessionId, "make a video of the harbour", 1), h.Deadline);

        Assert.True(reply.Succeeded, reply.Failure?.Reason);
        Assert.True(reply.Value!.AskedQuestion);
        Assert.Equal(said, reply.Value.Text);
    }

    [Fact]
    public async Task A_reply_that_drafted_did_not_ask_though_it_had_words()
    {
        await using var h = await ActivitiesHarness.StartAsync(o => o.NoTextProbability = 0);
        var sessionId = await h.SessionWithImageAsync();

        var reply = await h.Activities.SendPromptAsync(new SendPromptInput("conv-drafted", "best", sessionId, "turn my photo into a smooth animated video", 1), h.Deadline);

        Assert.True(reply.Succeeded, reply.Failure?.Reason);
        Assert.True(reply.Value!.HadText);
        Assert.False(reply.Value.AskedQuestion);
    }

    [Fact]
    public async Task Dropped_stream_is_an_interrupted_reply_not_a_failure()
    {
        await using var h = await ActivitiesHarness.StartAsync();
        var sessionId = await h.SessionWithImageAsync();
        h.Simulator.Faults.Add(Fault.On(SimulatorEndpoint.RunSse).DropStream(1).Once());

        var reply = await h.Activities.SendPromptAsync(new SendPromptInput("conv-3", "best", sessionId, "make a video", 1), h.Deadline);

        Assert.True(reply.Succeeded);
        Assert.True(reply.Value!.Interrupted);
        Assert.NotEmpty(reply.Value.Warnings);
        Assert.Equal(1, h.Simulator.Journal.Count(SimulatorEndpoint.RunSse));
    }

    [Fact]
    public async Task A_rate_limit_comes_back_at_once_as_a_transient_failure_with_its_Retry_After()
    {
        await using var h = await ActivitiesHarness.StartAsync();
        var session = await h.Activities.CreateSessionAsync(new CreateSessionInput("best", "en"), h.Deadline);
        h.Simulator.Faults.Add(Fault.On(SimulatorEndpoint.Upload).RateLimited(TimeSpan.FromSeconds(90)).Times(5));

        var upload = await h.Activities.UploadImagesAsync(new UploadImagesInput("best", session.Value!.SessionId, [h.AddImage()]), h.Deadline);

        // The client did not sit the limit out inside the activity: one request, and the wait is the orchestration's.
        Assert.False(upload.Succeeded);
        Assert.Equal(FailureKind.Transient, upload.Failure!.Kind);
        Assert.Equal(429, upload.Failure.HttpStatus);
        Assert.Equal(90, upload.Failure.RetryAfterSeconds);
        Assert.Equal(1, h.Simulator.Journal.Count(SimulatorEndpoint.Upload));
    }

    [Fact]
    public async Task Lost_session_is_a_recoverable_1002_failure()
    {
        await using var h = await ActivitiesHarness.StartAsync();
        var session = await h.Activities.CreateSessionAsync(new CreateSessionInput("best", "en"), h.Deadline);
        h.Simulator.Faults.Add(Fault.On(SimulatorEndpoint.Upload).SessionLost().Once());

        var upload = await h.Activities.UploadImagesAsync(new UploadImagesInput("best", session.Value!.SessionId, [h.AddImage()]), h.Deadline);

        Assert.False(upload.Succeeded);
        Assert.Equal(ConversionStage.Upload, upload.Failure!.Stage);
        Assert.Equal(FailureKind.Recoverable, upload.Failure.Kind);
        Assert.Equal(1002, upload.Failure.NemoCode);
        Assert.Equal(0, h.Store.OpenStreams);
    }

    [Fact]
    public async Task Out_of_credits_on_the_prompt_is_terminal()
    {
        await using var h = await ActivitiesHarness.StartAsync();
        var sessionId = await h.SessionWithImageAsync();
        h.Simulator.Faults.Add(Fault.On(SimulatorEndpoint.RunSse).OutOfCredits().Once());

        var reply = await h.Activities.SendPromptAsync(new SendPromptInput("conv-4", "best", sessionId, "make a video", 1), h.Deadline);

        Assert.False(reply.Succeeded);
        Assert.Equal(FailureKind.Terminal, reply.Failure!.Kind);
        Assert.Equal(2001, reply.Failure.NemoCode);
        Assert.DoesNotContain("nmv_", reply.Failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsupported_type_is_terminal()
    {
        await using var h = await ActivitiesHarness.StartAsync();
        var session = await h.Activities.CreateSessionAsync(new CreateSessionInput("best", "en"), h.Deadline);
        h.Simulator.Faults.Add(Fault.On(SimulatorEndpoint.Upload).UnsupportedType().Once());

        var upload = await h.Activities.UploadImagesAsync(new UploadImagesInput("best", session.Value!.SessionId, [h.AddImage()]), h.Deadline);

        Assert.Equal(4001, upload.Failure!.NemoCode);
        Assert.Equal(FailureKind.Terminal, upload.Failure.Kind);
    }

    [Fact]
    public async Task A_store_that_gives_read_urls_has_nemo_fetch_the_images_itself()
    {
        await using var h = await ActivitiesHarness.StartAsync();
        using var urls = new ReadUrlServer(h.Store);
        h.Store.ReadUrlBase = urls.BaseAddress;
        var session = await h.Activities.CreateSessionAsync(new CreateSessionInput("best", "en"), h.Deadline);
        var image = h.AddImage("in/coffee view.png");

        var upload = await h.Activities.UploadImagesAsync(new UploadImagesInput("best", session.Value!.SessionId, [image]), h.Deadline);
        var reply = await h.Activities.SendPromptAsync(new SendPromptInput("conv-url", "best", session.Value.SessionId, "animate this image with a slow zoom-in", 1), h.Deadline);
        var draft = await h.Activities.ReadDraftAsync(new ReadDraftInput("best", session.Value.SessionId), h.Deadline);

        Assert.True(upload.Succeeded, upload.Failure?.Reason);
        Assert.True(upload.Value!.ByUrl);
        Assert.Equal(1, upload.Value.Files);
        Assert.Equal(["in/coffee view.png"], urls.Requested);
        Assert.Equal(0, h.Store.Opened);
        Assert.True(reply.Succeeded, reply.Failure?.Reason);
        Assert.True(draft.Value!.Exportable);
    }

    [Fact]
    public async Task Rate_limited_render_check_returns_retry_after()
    {
        await using var h = await ActivitiesHarness.StartAsync();
        var sessionId = await h.SessionWithImageAsync();
        await h.Activities.SendPromptAsync(new SendPromptInput("conv-5", "best", sessionId, "make a video", 1), h.Deadline);
        var render = (await h.Activities.StartRenderAsync(new StartRenderInput("conv-5", "best", sessionId, 1, RequestedAt), h.Deadline)).Value!;
        h.Simulator.Faults.Add(Fault.On(SimulatorEndpoint.RenderStatus).RateLimited(TimeSpan.FromSeconds(40)).Times(10));

        var check = await h.Activities.CheckRenderAsync(new RenderInput("best", sessionId, render.RenderId), h.Deadline);

        Assert.True(check.Succeeded);
        Assert.True(check.Value!.RetryAfterSeconds >= 30);
    }

    [Theory]
    [InlineData(ErrorStyle.Http200Envelope)]
    [InlineData(ErrorStyle.HttpStatusEnvelope)]
    [InlineData(ErrorStyle.NonJsonBody)]
    public async Task Cancelling_a_render_that_already_finished_reports_it_completed(ErrorStyle style)
    {
        await using var h = await ActivitiesHarness.StartAsync(o => o.ErrorStyle = style);
        var sessionId = await h.SessionWithImageAsync();
        await h.Activities.SendPromptAsync(new SendPromptInput("conv-7", "best", sessionId, "make a video", 1), h.Deadline);
        var render = (await h.Activities.StartRenderAsync(new StartRenderInput("conv-7", "best", sessionId, 1, RequestedAt), h.Deadline)).Value!;
        while (h.Simulator.Renders is not [{ FinalAt: { } final }] || final > h.Simulator.Clock.GetUtcNow())
        {
            await Task.Delay(25, h.Deadline);
        }

        var cancel = await h.Activities.CancelRenderAsync(new RenderInput("best", sessionId, render.RenderId), h.Deadline);

        Assert.True(cancel.Succeeded, cancel.Failure?.Reason);
        Assert.Equal(new RenderSnapshot(render.RenderId, RenderState.Completed, 100), cancel.Value);
        var refused = Assert.Single(h.Simulator.Journal.Entries, e => e.Endpoint == SimulatorEndpoint.RenderCancel);
        Assert.Equal(style == ErrorStyle.Http200Envelope ? 200 : 409, refused.StatusCode);
        Assert.False(Assert.Single(h.Simulator.Renders).Cancelled);
    }

    [Fact]
    public async Task Cancelling_a_running_render_reports_it_cancelled()
    {
        await using var h = await ActivitiesHarness.StartAsync(o => o.RenderDurationMin = o.RenderDurationMax = TimeSpan.FromHours(1));
        var sessionId = await h.SessionWithImageAsync();
        await h.Activities.SendPromptAsync(new SendPromptInput("conv-8", "best", sessionId, "make a video", 1), h.Deadline);
        var render = (await h.Activities.StartRenderAsync(new StartRenderInput("conv-8", "best", sessionId, 1, RequestedAt), h.Deadline)).Value!;

        var cancel = await h.Activities.CancelRenderAsync(new RenderInput("best", sessionId, render.RenderId), h.Deadline);

        Assert.True(cancel.Succeeded, cancel.Failure?.Reason);
        Assert.Equal(RenderState.Cancelled, cancel.Value!.State);
        Assert.True(Assert.Single(h.Simulator.Renders).Cancelled);
        Assert.Equal(0, h.Simulator.Journal.Count(SimulatorEndpoint.RenderStatus));
    }

    [Fact]
    public async Task Result_is_written_read_back_by_version_and_published()
    {
        await using var h = await ActivitiesHarness.StartAsync();
        var v1 = new ConversionResult { Id = "conv-6", Name = "beach", Status = ConversionStatus.Succeeded, Profile = "best", Prompt = "p", CompletedAt = new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc) };
        var v2 = v1 with { Version = 2, Status = ConversionStatus.Failed };

        Assert.Equal("beach.result.json", await h.Activities.WriteResultAsync(v1, h.Deadline));
        Assert.Equal("beach.v2.result.json", await h.Activities.WriteResultAsync(v2, h.Deadline));
        Assert.Null(await h.Activities.PublishEventAsync(v2, h.Deadline));

        var latest = await h.Activities.ReadResultAsync(new ReadResultInput("beach"), h.Deadline);
        var first = await h.Activities.ReadResultAsync(new ReadResultInput("beach", 1), h.Deadline);
        var none = await h.Activities.ReadResultAsync(new ReadResultInput("other"), h.Deadline);
        Assert.Equal(2, latest!.Version);
        Assert.Equal(ConversionStatus.Succeeded, first!.Status);
        Assert.Null(none);
        using var json = JsonDocument.Parse(h.Store.Outputs["beach.result.json"].Bytes);
        Assert.Equal("succeeded", json.RootElement.GetProperty("status").GetString());
        var cloudEvent = Assert.Single(h.Events.Events);
        Assert.Equal("/test/conversions", cloudEvent.Source);
    }
}
