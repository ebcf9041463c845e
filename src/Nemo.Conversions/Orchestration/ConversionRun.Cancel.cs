using Nemo.Client;

namespace Nemo.Conversions;

internal sealed partial class ConversionRun
{
    /// <summary>
    /// Ends a run a cancel request stopped. A render that finished before the cancel landed has been paid for: its MP4
    /// is saved and the run succeeds, with a warning that the cancel came too late. Otherwise the running render is
    /// stopped and the run is cancelled.
    /// </summary>
    /// <remarks>
    /// Whether the render finished is known from history only: a check that saw it completed, or the cancel step's
    /// answer (Nemo refuses to cancel a final render, and the step then reports its final status).
    /// </remarks>
    private async Task<ConversionStatus> StopAsync(CancelRequest cancel)
    {
        // The cancel has been heard: the steps below run to their end instead of stopping for it again.
        _cancelHeard = true;
        var finished = _finishedRender ?? await CancelActiveRenderAsync();
        if (finished is { State: RenderState.Completed } render)
        {
            Log.LateCancelKeepsRender(_logger, render.RenderId);
            try
            {
                await SaveAsync(render);
                _warnings.Add(TooLate(cancel, render.RenderId));
                return ConversionStatus.Succeeded;
            }
            catch (ConversionHaltedException halted) when (halted.Failure is { } failure)
            {
                _warnings.Add($"Render {render.RenderId} had finished before the cancel arrived, but the finished video could not be saved: {failure.Reason}");
            }
        }

        _warnings.Add(string.IsNullOrWhiteSpace(cancel.Reason) ? "Cancelled on request." : $"Cancelled on request: {cancel.Reason}");
        return ConversionStatus.Cancelled;
    }

    /// <summary>
    /// Asks Nemo to stop the running render, if there is one. Returns the render's state afterwards: cancelled, or the
    /// final state it had already reached; null when no render was running or the request failed (then a warning says so).
    /// </summary>
    private async Task<RenderSnapshot?> CancelActiveRenderAsync()
    {
        if (_activeRender is not { } renderId || _result.SessionId is not { } sessionId)
        {
            return null;
        }

        _activeRender = null;
        try
        {
            var step = await CallAsync<StepResult<RenderSnapshot>>(
                ConversionActivityNames.CancelRender, new RenderInput(Profile, sessionId, renderId), ConversionStage.Result);
            if (step.Failure is { } failure)
            {
                _warnings.Add($"Render {renderId} could not be cancelled: {failure.Reason}");
                return null;
            }

            return step.Value;
        }
        catch (ConversionHaltedException halted) when (halted.Failure is { } failure)
        {
            _warnings.Add($"Render {renderId} could not be cancelled: {failure.Reason}");
            return null;
        }
    }

    private static string TooLate(CancelRequest cancel, string renderId) =>
        $"The cancel request came too late: render {renderId} had already finished, so the finished video was kept and saved instead of being thrown away."
        + (string.IsNullOrWhiteSpace(cancel.Reason) ? "" : $" (The cancel said: {cancel.Reason})");
}
