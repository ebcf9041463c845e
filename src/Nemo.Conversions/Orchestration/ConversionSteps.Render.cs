using System.Globalization;
using Nemo.Client;

namespace Nemo.Conversions;

/// <summary>The steps from the draft to the MP4: render, wait, cancel, save.</summary>
internal sealed partial class ConversionSteps
{
    /// <summary>
    /// Exports the session's latest draft, held to the user's options: a new render, under this run's next ledger
    /// sequence. What the export changed in the draft, or could not, goes into the warnings.
    /// </summary>
    public async Task<RenderSnapshot> StartRenderAsync(string sessionId)
    {
        Begin(ConversionStage.Render, "Starting the render");
        var render = await StepAsync<RenderSnapshot>(
            ConversionStage.Render,
            ConversionActivityNames.StartRender,
            new StartRenderInput(InstanceId, _profile, sessionId, ++_renderSequence, Now, _options));
        foreach (var note in render.Notes ?? [])
        {
            Warn(note);
        }

        return render;
    }

    /// <summary>
    /// Waits for a render to end, checking it on durable timers (<see cref="PollSchedule"/>). Returns its final state:
    /// completed, failed or cancelled; null when Nemo no longer knows the render (404). At the deadline the render is
    /// cancelled and the run halts, unless it turns out to have finished meanwhile.
    /// </summary>
    public async Task<RenderSnapshot?> WaitForRenderAsync(string sessionId, RenderSnapshot render)
    {
        var schedule = PollSchedule.For(_profile);
        var deadline = ServiceNow + schedule.Deadline;
        Begin(ConversionStage.Wait, "Rendering", render.Progress, render.RenderId);
        if (IsFinal(render.State))
        {
            return render;
        }

        var delay = schedule.FirstDelay;
        RenderProgressSample? previous = null;
        var latest = render.Progress is { } started ? new RenderProgressSample(ServiceNow, started) : null;
        for (var polls = 0; ; )
        {
            if (polls >= schedule.MaxPolls || ServiceNow + delay > deadline)
            {
                if (await CancelRenderAsync(sessionId, render.RenderId) is { State: RenderState.Completed } finished)
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
                ConversionActivityNames.CheckRender, new RenderInput(_profile, sessionId, render.RenderId), ConversionStage.Wait);
            double? retryAfter;
            if (step.Failure is { } failure)
            {
                if (failure.NemoCode == ConversionFailures.RenderNotFound)
                {
                    return null;
                }

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
                    (previous, latest) = (latest, new RenderProgressSample(ServiceNow, progress));
                }

                Begin(ConversionStage.Wait, "Rendering", render.Progress, render.RenderId);
                if (IsFinal(render.State))
                {
                    return render;
                }
            }

            delay = schedule.DelayAfter(polls, previous, latest, retryAfter);
        }
    }

    /// <summary>
    /// Asks Nemo to stop a render. Returns its state afterwards: cancelled, or the final state it had already reached
    /// (Nemo refuses to cancel a final render, and the step then reports it); null when the request failed (a warning
    /// says so).
    /// </summary>
    public async Task<RenderSnapshot?> CancelRenderAsync(string sessionId, string renderId)
    {
        try
        {
            var step = await CallAsync<StepResult<RenderSnapshot>>(
                ConversionActivityNames.CancelRender, new RenderInput(_profile, sessionId, renderId), ConversionStage.Result);
            if (step.Failure is not { } failure)
            {
                return step.Value;
            }

            Warn($"Render {renderId} could not be cancelled: {failure.Reason}");
        }
        catch (ConversionHaltedException halted) when (halted.Failure is { } failure)
        {
            Warn($"Render {renderId} could not be cancelled: {failure.Reason}");
        }

        return null;
    }

    /// <summary>Downloads a completed render's MP4 into the output area.</summary>
    public Task<SavedOutput> SaveAsync(RenderSnapshot render, string output)
    {
        Begin(ConversionStage.Save, "Saving the MP4");
        return StepAsync<SavedOutput>(ConversionStage.Save, ConversionActivityNames.SaveOutput, new SaveOutputInput(_profile, render.RenderId, output, InstanceId));
    }

    private static bool IsFinal(RenderState state) => state is RenderState.Completed or RenderState.Failed or RenderState.Cancelled;
}
