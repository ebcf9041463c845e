using Nemo.Client;

namespace Nemo.Conversions;

/// <summary>How a run ends early: a lost session, a cancel request.</summary>
internal sealed partial class ConversionSteps
{
    /// <summary>Records that Nemo lost the session (1002) at <paramref name="stage"/>; the run starts over in a new one.</summary>
    public void SessionLost(ConversionStage stage)
    {
        Log.SessionLost(_logger, stage);
        Warn($"The Nemo session was lost at the {stage.ToString().ToLowerInvariant()} stage (1002); started over in a new session with a new upload.");
    }

    /// <summary>
    /// Ends a run a cancel request stopped. A render that finished before the cancel landed has been paid for: its MP4
    /// is saved (returned) and the run succeeds, with a warning that the cancel came too late. Otherwise the running
    /// render is stopped and null is returned: the run is cancelled.
    /// </summary>
    /// <param name="cancel">The request.</param>
    /// <param name="sessionId">The session of <paramref name="rendering"/>.</param>
    /// <param name="rendering">A render started whose end was not seen yet, or null.</param>
    /// <param name="rendered">A completed render whose MP4 was not saved yet, or null.</param>
    /// <param name="output">Where the MP4 goes.</param>
    /// <remarks>
    /// Whether the render finished is known from history only: a check that saw it completed, or the cancel step's
    /// answer (Nemo refuses to cancel a final render, and the step then reports its final status).
    /// </remarks>
    public async Task<SavedOutput?> StopAsync(CancelRequest cancel, string? sessionId, RenderSnapshot? rendering, RenderSnapshot? rendered, string output)
    {
        // The cancel has been heard: the steps below run to their end instead of stopping for it again.
        _cancelHeard = true;
        if (rendered is null && rendering is not null && sessionId is not null)
        {
            rendered = await CancelRenderAsync(sessionId, rendering.RenderId);
        }

        if (rendered is { State: RenderState.Completed } render)
        {
            Log.LateCancelKeepsRender(_logger, render.RenderId);
            try
            {
                var saved = await SaveAsync(render, output);
                Warn(TooLate(cancel, render.RenderId));
                return saved;
            }
            catch (ConversionHaltedException halted) when (halted.Failure is { } failure)
            {
                Warn($"Render {render.RenderId} had finished before the cancel arrived, but the finished video could not be saved: {failure.Reason}");
            }
        }

        Warn(string.IsNullOrWhiteSpace(cancel.Reason) ? "Cancelled on request." : $"Cancelled on request: {cancel.Reason}");
        return null;
    }

    /// <summary>The warning for a cancel that came after the render had finished.</summary>
    internal static string TooLate(CancelRequest cancel, string renderId) =>
        $"The cancel request came too late: render {renderId} had already finished, so the finished video was kept and saved instead of being thrown away."
        + (string.IsNullOrWhiteSpace(cancel.Reason) ? "" : $" (The cancel said: {cancel.Reason})");
}
