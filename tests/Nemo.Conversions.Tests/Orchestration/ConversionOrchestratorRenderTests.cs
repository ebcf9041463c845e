using Nemo.Client;
using static Nemo.Conversions.Tests.Testing.ConversionScript;

namespace Nemo.Conversions.Tests.Orchestration;

public sealed class ConversionOrchestratorRenderTests
{
    private const string Check = ConversionActivityNames.CheckRender;

    [Fact]
    public async Task Polls_back_off_after_the_first_check_while_progress_stalls()
    {
        var context = Happy().Then(
            Check,
            Render("render_1", RenderState.Processing, 5),
            Render("render_1", RenderState.Processing, 5),
            Render("render_1", RenderState.Processing, 5),
            Render("render_1", RenderState.Processing, 5));

        var result = await RunAsync(context);

        Assert.Equal(ConversionStatus.Succeeded, result.Status);
        Assert.Equal([30, 2, 3, 5, 8], context.Timers.Select(t => t.TotalSeconds));
    }

    [Fact]
    public async Task Steady_progress_aims_each_check_at_the_projected_finish()
    {
        // Started at 5%; 2% a second from there.
        var context = Happy().Then(
            Check,
            Render("render_1", RenderState.Processing, 65),
            Render("render_1", RenderState.Processing, 89),
            Render("render_1", RenderState.Processing, 99));

        var result = await RunAsync(context);

        Assert.Equal(ConversionStatus.Succeeded, result.Status);
        // 65% at 30 s: 17.5 s left, capped at 12 s; 89% at 42 s: 5.5 s left (+0.5 s); 99% at 48 s: 0.6 s left (+0.5 s).
        Assert.Equal([30, 12, 6, 1.1], context.Timers.Select(t => Math.Round(t.TotalSeconds, 1)));
        Assert.Contains(context.Statuses, s => s is { Stage: ConversionStage.Wait, RenderProgress: 89 });
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Timers_that_fire_before_their_time_on_a_true_clock_poll_as_real_time_ones_do(bool stalled)
    {
        // nemo against its simulator shortens every wait (a 30 s timer fires after 0.3 s) and keeps its clock true: the
        // render's progress rate and deadline must be measured by the time waited, or the first projection would aim
        // every check at once and the deadline never come.
        static Testing.ScriptedOrchestrationContext Script(double timerScale, bool stalled)
        {
            var context = Happy(timerScale: timerScale);
            return stalled
                ? context.Always(Check, Render("render_1", RenderState.Processing, 50))
                : context.Then(Check, Render("render_1", RenderState.Processing, 65), Render("render_1", RenderState.Processing, 89), Render("render_1", RenderState.Processing, 99));
        }

        var real = Script(1, stalled);
        var fast = Script(0.01, stalled);

        var realResult = await RunAsync(real);
        var fastResult = await RunAsync(fast);

        Assert.Equal(stalled ? ConversionStatus.Failed : ConversionStatus.Succeeded, fastResult.Status);
        Assert.Equal(real.Timers, fast.Timers);
        Assert.Equal(real.Count(Check), fast.Count(Check));
        // Its times are the clock's: the run took a hundredth of the real-time run's, and none is past the clock.
        Assert.True(fastResult.CompletedAt <= fast.CurrentUtcDateTime);
        Assert.Equal((realResult.CompletedAt - realResult.StartedAt) * 0.01, fastResult.CompletedAt - fastResult.StartedAt);
    }

    [Fact]
    public async Task Rate_limited_poll_waits_at_least_retry_after()
    {
        var context = Happy().Then(Check, Render("render_1", RenderState.Unknown, retryAfter: 45));

        var result = await RunAsync(context);

        Assert.Equal(ConversionStatus.Succeeded, result.Status);
        Assert.Equal([30, 45], context.Timers.Select(t => t.TotalSeconds));
    }

    [Fact]
    public async Task Failed_render_is_retried_once_with_a_new_render()
    {
        var context = Happy().Then(Check, Render("render_1", RenderState.Failed, error: "encoder crashed"));

        var result = await RunAsync(context);

        Assert.Equal(ConversionStatus.Succeeded, result.Status);
        Assert.Equal(2, context.Count(ConversionActivityNames.StartRender));
        Assert.Equal("render_2", result.RenderId);
        Assert.Equal(1, context.Count(ConversionActivityNames.SendPrompt));
        Assert.Contains(result.Warnings, w => w.Contains("encoder crashed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Second_failed_render_is_terminal()
    {
        var context = Happy().On(Check, input => Render(input!.Value.GetProperty("renderId").GetString()!, RenderState.Failed, error: "encoder crashed"));

        var result = await RunAsync(context);

        Assert.Equal(ConversionStatus.Failed, result.Status);
        Assert.Equal(ConversionStage.Wait, result.Failure!.Stage);
        Assert.Equal(FailureKind.Terminal, result.Failure.Kind);
        Assert.Equal(2, context.Count(ConversionActivityNames.StartRender));
        Assert.Equal(2, result.Warnings.Count(w => w.Contains("encoder crashed", StringComparison.Ordinal)));
        Assert.Equal(0, context.Count(ConversionActivityNames.SaveOutput));
    }

    [Fact]
    public async Task Renders_Nemo_keeps_forgetting_are_exported_again_twice_then_the_run_fails_without_a_new_prompt()
    {
        var context = Happy().Always(Check, Fail<RenderSnapshot>(ConversionStage.Wait, FailureKind.Recoverable, code: ConversionFailures.RenderNotFound, http: 404));

        var result = await RunAsync(context);

        Assert.Equal(ConversionStatus.Failed, result.Status);
        Assert.Equal(ConversionStage.Wait, result.Failure!.Stage);
        Assert.Contains("404", result.Failure.Reason, StringComparison.Ordinal);
        Assert.Equal(1 + ConversionOrchestrator.MaxForgottenRenders, context.Count(ConversionActivityNames.StartRender));
        Assert.Equal(ConversionOrchestrator.MaxForgottenRenders, result.Warnings.Count(w => w.Contains("exported again", StringComparison.Ordinal)));
        Assert.Equal(1, context.Count(ConversionActivityNames.SendPrompt));
        Assert.Equal(0, context.Count(ConversionActivityNames.SaveOutput));
    }

    [Fact]
    public async Task Render_past_the_deadline_is_cancelled_and_fails()
    {
        var context = Happy().Always(Check, Render("render_1", RenderState.Processing, 50));

        var result = await RunAsync(context);

        var schedule = PollSchedule.For(NemoProfiles.Best);
        Assert.Equal(ConversionStatus.Failed, result.Status);
        Assert.Equal(ConversionStage.Wait, result.Failure!.Stage);
        Assert.Contains("did not finish", result.Failure.Reason, StringComparison.Ordinal);
        Assert.Equal(1, context.Count(ConversionActivityNames.CancelRender));
        Assert.InRange(context.Count(Check), 10, schedule.MaxPolls);
        Assert.True(context.Timers.Aggregate(TimeSpan.Zero, (a, b) => a + b) <= schedule.Deadline);
    }

    [Fact]
    public async Task Transient_poll_failures_keep_polling()
    {
        var context = Happy().Then(Check, Fail<RenderSnapshot>(ConversionStage.Wait, FailureKind.Transient, http: 503));

        var result = await RunAsync(context);

        Assert.Equal(ConversionStatus.Succeeded, result.Status);
        Assert.Equal(2, context.Count(Check));
    }

    [Fact]
    public async Task Cancel_during_the_render_wait_cancels_the_render_and_the_timer()
    {
        var context = Happy().CancelDuringTimer(0, "changed my mind");

        var result = await RunAsync(context);

        Assert.Equal(ConversionStatus.Cancelled, result.Status);
        Assert.Equal(1, context.CancelledTimers);
        Assert.Equal(0, context.Count(Check));
        Assert.Equal(1, context.Count(ConversionActivityNames.CancelRender));
        Assert.Equal(1, context.Count(ConversionActivityNames.WriteResult));
        Assert.Equal(1, context.Count(ConversionActivityNames.PublishEvent));
        Assert.Contains(result.Warnings, w => w.Contains("changed my mind", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancel_between_steps_stops_before_the_next_one()
    {
        var context = Happy();
        context.On(ConversionActivityNames.CreateSession, _ =>
        {
            context.RaiseEvent(OrchestrationEvents.Cancel, new CancelRequest());
            return Ok(new SessionRef("s1", null));
        });

        var result = await RunAsync(context);

        Assert.Equal(ConversionStatus.Cancelled, result.Status);
        Assert.Equal(0, context.Count(ConversionActivityNames.UploadImages));
        Assert.Equal(0, context.Count(ConversionActivityNames.SendPrompt));
        Assert.Equal(0, context.Count(ConversionActivityNames.CancelRender));
        Assert.Equal(1, context.Count(ConversionActivityNames.WriteResult));
    }

    [Fact]
    public async Task Cancel_during_a_backoff_timer_stops_the_retry()
    {
        var context = Happy()
            .Then(ConversionActivityNames.CreateSession, Fail<SessionRef>(ConversionStage.Session, FailureKind.Transient, http: 503))
            .CancelDuringTimer(0);

        var result = await RunAsync(context);

        Assert.Equal(ConversionStatus.Cancelled, result.Status);
        Assert.Equal(1, context.Count(ConversionActivityNames.CreateSession));
        Assert.Equal(1, context.CancelledTimers);
    }
}
