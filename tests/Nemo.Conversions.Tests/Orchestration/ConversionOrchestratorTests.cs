using Nemo.Client;
using Nemo.Conversions.Tests.Testing;
using static Nemo.Conversions.Tests.Testing.ConversionScript;

namespace Nemo.Conversions.Tests.Orchestration;

public sealed class ConversionOrchestratorTests
{
    private const string Send = ConversionActivityNames.SendPrompt;

    [Fact]
    public async Task Happy_path_runs_every_step_in_order_and_succeeds()
    {
        var context = Happy();
        var result = await RunAsync(context);

        Assert.Equal(ConversionStatus.Succeeded, result.Status);
        Assert.Equal(
            [
                "Validate", "GetCredits", "CreateSession", "UploadImages", "SendPrompt", "ReadDraft", "StartRender",
                "CheckRender", "SaveOutput", "GetCredits", "WriteResult", "PublishEvent",
            ],
            context.ActivityNames);
        Assert.Equal("beach.mp4", result.Output);
        Assert.Equal(1234, result.OutputBytes);
        Assert.Equal("s1", result.SessionId);
        Assert.Equal("render_1", result.RenderId);
        Assert.Equal("Here is your video.", result.AgentText);
        Assert.StartsWith("Timeline (1 track)", result.Timeline, StringComparison.Ordinal);
        Assert.Equal(100, result.CreditsBefore);
        Assert.Null(result.Failure);
        // The first render check comes at the profile's typical minimum (30 s for best), not a fixed 30 s loop.
        Assert.Equal([NemoProfiles.Best.TypicalRenderTimeMin], context.Timers);
        Assert.Equal(result.StartedAt + TimeSpan.FromSeconds(30), result.CompletedAt);
        Assert.Contains(result.Stages, s => s.Stage == ConversionStage.Wait && s.Seconds == 30);
        Assert.Contains(context.Statuses, s => s?.Stage == ConversionStage.Upload);
        Assert.Contains(context.Statuses, s => s?.Stage == ConversionStage.Wait && s.RenderId == "render_1");
        Assert.Null(context.Activities.Single(a => a.Name == Send).Options);
        Assert.All(context.Activities.Where(a => a.Name != Send), a => Assert.Same(ConversionWorkflow.ActivityRetry, a.Options));
        Assert.Equal(1, Prompts(context).Single().Sequence);
        Assert.Equal("conv-test", Prompts(context).Single().InstanceId);
    }

    [Fact]
    public async Task Transient_failure_is_retried_after_durable_backoff()
    {
        var context = Happy().Then(
            ConversionActivityNames.CreateSession,
            Fail<SessionRef>(ConversionStage.Session, FailureKind.Transient, http: 503),
            Fail<SessionRef>(ConversionStage.Session, FailureKind.Transient, http: 503));

        var result = await RunAsync(context);

        Assert.Equal(ConversionStatus.Succeeded, result.Status);
        Assert.Equal(3, context.Count(ConversionActivityNames.CreateSession));
        Assert.Equal([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30)], context.Timers);
    }

    [Fact]
    public async Task Transient_failure_gives_up_after_bounded_attempts()
    {
        var context = Happy().Always(ConversionActivityNames.UploadImages, Fail<UploadSummary>(ConversionStage.Upload, FailureKind.Transient, http: 500, reason: "Nemo had a server error."));

        var result = await RunAsync(context);

        Assert.Equal(ConversionStatus.Failed, result.Status);
        Assert.Equal(ConversionStage.Upload, result.Failure!.Stage);
        Assert.Contains("gave up after 4 attempts", result.Failure.Reason, StringComparison.Ordinal);
        Assert.Equal(4, context.Count(ConversionActivityNames.UploadImages));
        Assert.Equal([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(45)], context.Timers);
        Assert.Equal(0, context.Count(Send));
        Assert.Equal(1, context.Count(ConversionActivityNames.WriteResult));
    }

    [Fact]
    public async Task A_rate_limited_step_waits_at_least_30_s_on_a_durable_timer_even_without_Retry_After()
    {
        var context = Happy().Then(ConversionActivityNames.UploadImages, Fail<UploadSummary>(ConversionStage.Upload, FailureKind.Transient, http: 429));

        var result = await RunAsync(context);

        Assert.Equal(ConversionStatus.Succeeded, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(30), context.Timers[0]);
        Assert.Equal(2, context.Count(ConversionActivityNames.UploadImages));
    }

    [Fact]
    public async Task Retry_after_from_the_server_lengthens_the_backoff()
    {
        var context = Happy().Then(ConversionActivityNames.CreateSession, Fail<SessionRef>(ConversionStage.Session, FailureKind.Transient, http: 429, retryAfter: 40));

        await RunAsync(context);

        Assert.Equal(TimeSpan.FromSeconds(40), context.Timers[0]);
    }

    [Theory]
    [InlineData(ConversionActivityNames.UploadImages)]
    [InlineData(ConversionActivityNames.SendPrompt)]
    [InlineData(ConversionActivityNames.ReadDraft)]
    [InlineData(ConversionActivityNames.StartRender)]
    public async Task Lost_session_starts_over_in_a_new_session_without_a_second_prompt_in_the_old(string failingStep)
    {
        var context = Happy();
        object lost = failingStep switch
        {
            ConversionActivityNames.UploadImages => Fail<UploadSummary>(ConversionStage.Upload, FailureKind.Recoverable, 1002),
            ConversionActivityNames.SendPrompt => Fail<PromptReply>(ConversionStage.Prompt, FailureKind.Recoverable, 1002),
            ConversionActivityNames.ReadDraft => Fail<DraftSnapshot>(ConversionStage.Draft, FailureKind.Recoverable, 1002),
            _ => Fail<RenderSnapshot>(ConversionStage.Render, FailureKind.Recoverable, 1002),
        };
        context.Then(failingStep, lost);

        var result = await RunAsync(context);

        Assert.Equal(ConversionStatus.Succeeded, result.Status);
        Assert.Equal(2, context.Count(ConversionActivityNames.CreateSession));
        Assert.Equal(2, context.Count(ConversionActivityNames.UploadImages));
        Assert.Equal("s2", result.SessionId);
        var prompts = Prompts(context);
        Assert.All(prompts.GroupBy(p => p.SessionId), g => Assert.Single(g));
        Assert.Equal("s2", prompts[^1].SessionId);
        Assert.Equal(prompts.Count, prompts.Select(p => p.Sequence).Distinct().Count());
        Assert.Contains(result.Warnings, w => w.Contains("1002", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Lost_session_over_and_over_is_bounded()
    {
        var context = Happy().Always(ConversionActivityNames.UploadImages, Fail<UploadSummary>(ConversionStage.Upload, FailureKind.Recoverable, 1002));

        var result = await RunAsync(context);

        Assert.Equal(ConversionStatus.Failed, result.Status);
        Assert.Equal(1002, result.Failure!.NemoCode);
        Assert.Equal(3, context.Count(ConversionActivityNames.CreateSession));
    }

    [Theory]
    [InlineData(ConversionActivityNames.SendPrompt, 2001, null)]
    [InlineData(ConversionActivityNames.UploadImages, 4001, null)]
    [InlineData(ConversionActivityNames.UploadImages, 4002, null)]
    [InlineData(ConversionActivityNames.StartRender, null, 402)]
    public async Task Terminal_errors_stop_at_once(string step, int? code, int? http)
    {
        var context = Happy();
        var stage = step switch
        {
            ConversionActivityNames.SendPrompt => ConversionStage.Prompt,
            ConversionActivityNames.UploadImages => ConversionStage.Upload,
            _ => ConversionStage.Render,
        };
        object failure = step switch
        {
            ConversionActivityNames.SendPrompt => Fail<PromptReply>(stage, FailureKind.Terminal, code, http, reason: "plain reason"),
            ConversionActivityNames.UploadImages => Fail<UploadSummary>(stage, FailureKind.Terminal, code, http, reason: "plain reason"),
            _ => Fail<RenderSnapshot>(stage, FailureKind.Terminal, code, http, reason: "plain reason"),
        };
        context.Always(step, failure);

        var result = await RunAsync(context);

        Assert.Equal(ConversionStatus.Failed, result.Status);
        Assert.Equal(stage, result.Failure!.Stage);
        Assert.Equal(FailureKind.Terminal, result.Failure.Kind);
        Assert.Equal(code, result.Failure.NemoCode);
        Assert.Equal(http, result.Failure.HttpStatus);
        Assert.Equal("plain reason", result.Failure.Reason);
        Assert.Equal(1, context.Count(step));
        Assert.Empty(context.Timers);
        Assert.Equal(1, context.Count(ConversionActivityNames.WriteResult));
        Assert.Equal(1, context.Count(ConversionActivityNames.PublishEvent));
        Assert.Equal(ConversionActivityNames.PublishEvent, context.ActivityNames[^1]);
    }

    [Fact]
    public async Task Rejected_configured_token_is_terminal_with_a_clear_reason()
    {
        var context = Happy().Always(ConversionActivityNames.CreateSession, Fail<SessionRef>(ConversionStage.Session, FailureKind.Recoverable, 1001, 401));

        var result = await RunAsync(context);

        Assert.Equal(ConversionStatus.Failed, result.Status);
        Assert.Equal(FailureKind.Terminal, result.Failure!.Kind);
        Assert.Contains("token", result.Failure.Reason, StringComparison.Ordinal);
        Assert.Equal(1, context.Count(ConversionActivityNames.CreateSession));
    }

    [Fact]
    public async Task Prompt_refused_for_its_token_is_sent_again_once_under_a_new_sequence()
    {
        var context = Happy().Then(Send, Fail<PromptReply>(ConversionStage.Prompt, FailureKind.Recoverable, 1001, 401));

        var result = await RunAsync(context);

        Assert.Equal(ConversionStatus.Succeeded, result.Status);
        Assert.Equal([1, 2], Prompts(context).Select(p => p.Sequence));
    }

    [Fact]
    public async Task Validation_failure_spends_nothing()
    {
        var context = Happy().Always(
            ConversionActivityNames.Validate,
            StepResults.Fail<IReadOnlyList<ImageInfo>>(new ConversionFailure(ConversionStage.Validate, FailureKind.Terminal, "beach.jpg is not an image", Problems: [new ValidationProblem("beach.jpg", "type", "not an image")])));

        var result = await RunAsync(context);

        Assert.Equal(ConversionStatus.Failed, result.Status);
        Assert.Equal(["Validate", "WriteResult", "PublishEvent"], context.ActivityNames);
        Assert.Single(result.Failure!.Problems!);
    }

    [Fact]
    public async Task Activity_that_throws_becomes_an_internal_error_result()
    {
        var context = Happy().Always(ConversionActivityNames.UploadImages, new IOException("disk on fire"));

        var result = await RunAsync(context);

        Assert.Equal(ConversionStatus.Failed, result.Status);
        Assert.Equal(ConversionStage.Upload, result.Failure!.Stage);
        Assert.StartsWith("internal error:", result.Failure.Reason, StringComparison.Ordinal);
        Assert.Equal(1, context.Count(ConversionActivityNames.WriteResult));
    }

    [Fact]
    public async Task Result_file_that_cannot_be_written_still_publishes_the_event()
    {
        var context = Happy().Always(ConversionActivityNames.WriteResult, new IOException("read-only"));

        var result = await RunAsync(context);

        Assert.Equal(ConversionStatus.Failed, result.Status);
        Assert.Equal(1, context.Count(ConversionActivityNames.PublishEvent));
    }

    [Fact]
    public async Task An_event_the_sinks_could_not_deliver_is_a_warning_written_into_the_result_file_and_not_sent_again()
    {
        var context = Happy().Always(ConversionActivityNames.PublishEvent, "the webhook http://hooks.test/nemo did not accept it (HTTP 500, 4 attempts)");

        var result = await RunAsync(context);

        Assert.Equal(ConversionStatus.Succeeded, result.Status);
        Assert.Contains("The completion event could not be delivered: the webhook http://hooks.test/nemo did not accept it (HTTP 500, 4 attempts)", result.Warnings);
        Assert.Equal(1, context.Count(ConversionActivityNames.PublishEvent));
        var written = context.Activities.Where(a => a.Name == ConversionActivityNames.WriteResult).ToList();
        Assert.Equal(2, written.Count);
        Assert.Contains("could not be delivered", written[^1].Input!.Value.GetProperty("warnings").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Same_script_twice_gives_the_same_calls()
    {
        static ScriptedOrchestrationContext Script() => Happy()
            .Then(ConversionActivityNames.CreateSession, Fail<SessionRef>(ConversionStage.Session, FailureKind.Transient, http: 503))
            .Then(Send, Ok(Reply(string.Empty)))
            .Then(ConversionActivityNames.ReadDraft, Ok(Draft(false)), Ok(Draft(false)))
            .Then(ConversionActivityNames.CheckRender, Render("render_1", RenderState.Processing, 40), Render("render_1", RenderState.Failed, error: "boom"));

        var first = Script();
        var second = Script();
        var a = await RunAsync(first);
        var b = await RunAsync(second);

        Assert.Equal(first.Calls, second.Calls);
        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(a, ConversionJson.Compact),
            System.Text.Json.JsonSerializer.Serialize(b, ConversionJson.Compact));
    }
}
