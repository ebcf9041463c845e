using System.Globalization;
using Nemo.Client;

namespace Nemo.Conversions;

internal sealed partial class ConversionRun
{
    /// <summary>Renders the session's latest draft and waits for it; a failed render is retried once with a new render.</summary>
    private async Task<RenderSnapshot> RenderAsync(string sessionId)
    {
        for (var attempt = 1; ; attempt++)
        {
            Begin(ConversionStage.Render, "Starting the render");
            var started = await StepAsync<RenderSnapshot>(
                ConversionStage.Render,
                ConversionActivityNames.StartRender,
                new StartRenderInput(_context.InstanceId, Profile, sessionId, ++_renderSequence, _context.CurrentUtcDateTime));
            _activeRender = started.RenderId;
            _result = _result with { RenderId = started.RenderId };
            var final = await WaitAsync(sessionId, started);
            _activeRender = null;
            if (final.State == RenderState.Completed)
            {
                _finishedRender = final;
                return final;
            }

            var why = string.IsNullOrWhiteSpace(final.Error) ? final.State.ToString().ToLowerInvariant() : final.Error;
            if (attempt == 1)
            {
                _warnings.Add($"Render {final.RenderId} ended {final.State.ToString().ToLowerInvariant()} ({why}); retried once with a new render.");
                continue;
            }

            _warnings.Add($"Render {final.RenderId} ended {final.State.ToString().ToLowerInvariant()} too ({why}).");
            throw new ConversionHaltedException(new ConversionFailure(
                ConversionStage.Wait, FailureKind.Terminal, $"The render failed twice; the last time: {why}"));
        }
    }

    private async Task<RenderSnapshot> WaitAsync(string sessionId, RenderSnapshot render)
    {
        var schedule = PollSchedule.For(Profile);
        var deadline = _context.CurrentUtcDateTime + schedule.Deadline;
        Begin(ConversionStage.Wait, "Rendering", render.Progress);
        if (IsFinal(render.State))
        {
            return render;
        }

        var delay = schedule.FirstDelay;
        RenderProgressSample? previous = null;
        var latest = render.Progress is { } started ? new RenderProgressSample(_context.CurrentUtcDateTime, started) : null;
        for (var polls = 0; ; )
        {
            if (polls >= schedule.MaxPolls || _context.CurrentUtcDateTime + delay > deadline)
            {
                if (await CancelActiveRenderAsync() is { State: RenderState.Completed } finished)
                {
                    // It finished between the last check and the cancel: a finished render is kept, not thrown away.
                    return finished;
                }

                throw new ConversionHaltedException(new ConversionFailure(
                    ConversionStage.Wait,
                    FailureKind.Terminal,
                    string.Create(CultureInfo.InvariantCulture, $"The render did not finish within {schedule.Deadline.TotalMinutes:0.#} minutes ({polls} status checks); it was cancelled.")));
            }

            await DelayAsync(delay);
            polls++;
            var step = await CallAsync<StepResult<RenderSnapshot>>(
                ConversionActivityNames.CheckRender, new RenderInput(Profile, sessionId, render.RenderId), ConversionStage.Wait);
            double? retryAfter;
            if (step.Failure is { } failure)
            {
                if (failure.Kind != FailureKind.Transient)
                {
                    throw Halt(failure);
                }

                retryAfter = failure.RetryAfterSeconds;
            }
            else
            {
                var snapshot = step.Value!;
                retryAfter = snapshot.RetryAfterSeconds;
                if (snapshot.State != RenderState.Unknown || snapshot.Progress is not null)
                {
                    render = snapshot;
                }

                if (snapshot.Progress is { } progress)
                {
                    (previous, latest) = (latest, new RenderProgressSample(_context.CurrentUtcDateTime, progress));
                }

                Begin(ConversionStage.Wait, "Rendering", render.Progress);
                if (IsFinal(render.State))
                {
                    return render;
                }
            }

            delay = schedule.DelayAfter(polls, previous, latest, retryAfter);
        }
    }

    private static bool IsFinal(RenderState state) => state is RenderState.Completed or RenderState.Failed or RenderState.Cancelled;
}
