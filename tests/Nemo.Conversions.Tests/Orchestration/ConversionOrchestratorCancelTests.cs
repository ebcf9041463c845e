using Nemo.Client;
using static Nemo.Conversions.Tests.Testing.ConversionScript;

namespace Nemo.Conversions.Tests.Orchestration;

/// <summary>A cancel that arrives after the render finished keeps the paid render; one that arrives before stops it.</summary>
public sealed class ConversionOrchestratorCancelTests
{
    private const string Check = ConversionActivityNames.CheckRender;
    private const string CancelRender = ConversionActivityNames.CancelRender;
    private const string Save = ConversionActivityNames.SaveOutput;

    private static bool IsTooLate(string warning) => warning.Contains("too late", StringComparison.Ordinal);

    [Fact]
    public async Task Cancel_refused_because_the_render_had_finished_saves_the_mp4_and_succeeds()
    {
        // The cancel lands during the first wait; Nemo answers that the render is already final (completed).
        var context = Happy().CancelDuringTimer(0, "changed my mind").Then(CancelRender, Render("render_1", RenderState.Completed, 100));

        var result = await RunAsync(context);

        Assert.Equal(ConversionStatus.Succeeded, result.Status);
        Assert.Null(result.Failure);
        Assert.Equal("beach.mp4", result.Output);
        Assert.Equal("render_1", result.RenderId);
        Assert.Equal(1, context.CancelledTimers);
        Assert.Equal(0, context.Count(Check));
        Assert.Equal(1, context.Count(CancelRender));
        Assert.Equal(1, context.Count(Save));
        var warning = Assert.Single(result.Warnings);
        Assert.True(IsTooLate(warning), warning);
        Assert.Contains("render_1", warning, StringComparison.Ordinal);
        Assert.Contains("kept", warning, StringComparison.Ordinal);
        Assert.Contains("changed my mind", warning, StringComparison.Ordinal);
        Assert.Equal(ConversionActivityNames.PublishEvent, context.ActivityNames[^1]);
        Assert.Contains(result.Stages, s => s.Stage == ConversionStage.Save);
    }

    [Fact]
    public async Task Cancel_after_a_check_saw_the_render_completed_saves_it_without_cancelling_it()
    {
        var context = Happy();
        context.On(Check, input =>
        {
            context.RaiseEvent(OrchestrationEvents.Cancel, new CancelRequest());
            return Render(input!.Value.GetProperty("renderId").GetString()!, RenderState.Completed, 100);
        });

        var result = await RunAsync(context);

        Assert.Equal(ConversionStatus.Succeeded, result.Status);
        Assert.Equal("beach.mp4", result.Output);
        Assert.Equal(0, context.Count(CancelRender));
        Assert.Equal(1, context.Count(Save));
        Assert.True(IsTooLate(Assert.Single(result.Warnings)));
    }

    [Fact]
    public async Task Cancel_while_the_mp4_is_being_saved_succeeds_and_says_the_cancel_came_too_late()
    {
        var context = Happy();
        context.On(Save, input =>
        {
            context.RaiseEvent(OrchestrationEvents.Cancel, new CancelRequest());
            return Ok(new SavedOutput(input!.Value.GetProperty("outputName").GetString()!, 1234));
        });

        var result = await RunAsync(context);

        Assert.Equal(ConversionStatus.Succeeded, result.Status);
        Assert.Equal(1, context.Count(Save));
        Assert.True(IsTooLate(Assert.Single(result.Warnings)));
    }

    [Fact]
    public async Task Saving_a_render_kept_after_a_late_cancel_still_retries_transient_failures()
    {
        var context = Happy()
            .CancelDuringTimer(0)
            .Then(CancelRender, Render("render_1", RenderState.Completed, 100))
            .Then(Save, Fail<SavedOutput>(ConversionStage.Save, FailureKind.Transient, http: 503));

        var result = await RunAsync(context);

        Assert.Equal(ConversionStatus.Succeeded, result.Status);
        Assert.Equal(2, context.Count(Save));
        Assert.Equal([30, 5], context.Timers.Select(t => t.TotalSeconds));
    }

    [Fact]
    public async Task A_kept_render_that_cannot_be_saved_ends_cancelled_and_says_why()
    {
        var context = Happy()
            .CancelDuringTimer(0)
            .Then(CancelRender, Render("render_1", RenderState.Completed, 100))
            .Then(Save, Fail<SavedOutput>(ConversionStage.Save, FailureKind.Terminal, reason: "disk full"));

        var result = await RunAsync(context);

        Assert.Equal(ConversionStatus.Cancelled, result.Status);
        Assert.Null(result.Output);
        Assert.Contains(result.Warnings, w => w.Contains("could not be saved: disk full", StringComparison.Ordinal));
        Assert.Contains(result.Warnings, w => w.StartsWith("Cancelled on request", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancel_refused_because_the_render_had_failed_ends_cancelled_without_saving()
    {
        var context = Happy().CancelDuringTimer(0).Then(CancelRender, Render("render_1", RenderState.Failed, 40, "encoder crashed"));

        var result = await RunAsync(context);

        Assert.Equal(ConversionStatus.Cancelled, result.Status);
        Assert.Equal(0, context.Count(Save));
        Assert.DoesNotContain(result.Warnings, IsTooLate);
    }

    [Fact]
    public async Task Cancel_that_stops_the_render_ends_cancelled_without_saving()
    {
        var context = Happy().CancelDuringTimer(0, "changed my mind");

        var result = await RunAsync(context);

        Assert.Equal(ConversionStatus.Cancelled, result.Status);
        Assert.Equal(0, context.Count(Save));
        Assert.Equal(["Cancelled on request: changed my mind"], result.Warnings);
    }

    [Fact]
    public async Task Render_that_finished_just_as_the_deadline_passed_is_kept()
    {
        var context = Happy()
            .Always(Check, Render("render_1", RenderState.Processing, 50))
            .Then(CancelRender, Render("render_1", RenderState.Completed, 100));

        var result = await RunAsync(context);

        Assert.Equal(ConversionStatus.Succeeded, result.Status);
        Assert.Equal("beach.mp4", result.Output);
        Assert.Equal(1, context.Count(CancelRender));
        Assert.Equal(1, context.Count(Save));
    }
}
