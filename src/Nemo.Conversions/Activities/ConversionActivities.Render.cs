using System.Globalization;
using System.Net;
using Nemo.Client;

namespace Nemo.Conversions;

public sealed partial class ConversionActivities
{
    /// <summary>Render ids tried before giving up (each one taken means another render started in that millisecond).</summary>
    private const int MaxRenderIdCandidates = 64;

    private enum RenderIdClaim
    {
        New,
        ClaimedBefore,
        Taken,
    }

    /// <summary>
    /// <see cref="ConversionActivityNames.StartRender"/>: reads the session's latest draft, holds it to the user's
    /// options (<see cref="DraftOptions"/>) and exports it (free), under a render id the instance owns, so that running
    /// the activity again never starts a second render.
    /// </summary>
    /// <remarks>
    /// Activities run at least once: a host can die after Nemo accepted the export and before the result was recorded.
    /// The ids tried are <c>render_&lt;unix-ms&gt;</c> counting up from <see cref="StartRenderInput.RequestedAt"/>; each is
    /// claimed in the spend ledger (<c>render-id:&lt;id&gt;</c>, shared by every instance) for this instance and sequence.
    /// An id another instance holds is skipped; an id this instance claimed before is looked up first, and a render Nemo
    /// already has under it is carried on instead of starting another.
    /// </remarks>
    public async Task<StepResult<RenderSnapshot>> StartRenderAsync(StartRenderInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var client = For(input.Profile);
        var first = new DateTimeOffset(DateTime.SpecifyKind(input.RequestedAt, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
        NemoDraft? draft = null;
        IReadOnlyList<string> notes = [];
        try
        {
            for (var offset = 0; offset < MaxRenderIdCandidates; offset++)
            {
                var renderId = "render_" + (first + offset).ToString(CultureInfo.InvariantCulture);
                var claim = await ClaimRenderIdAsync(input, renderId, cancellationToken).ConfigureAwait(false);
                if (claim == RenderIdClaim.Taken)
                {
                    continue;
                }

                if (claim == RenderIdClaim.ClaimedBefore && await FindRenderAsync(client, renderId, cancellationToken).ConfigureAwait(false) is { } existing)
                {
                    Log.RenderResumed(_logger, renderId);
                    return StepResults.Ok(ToSnapshot(existing));
                }

                if (draft is null)
                {
                    var state = await client.GetStateAsync(input.SessionId, cancellationToken).ConfigureAwait(false);
                    if (state.Draft is not { IsExportable: true } exportable)
                    {
                        return StepResults.Fail<RenderSnapshot>(new ConversionFailure(
                            ConversionStage.Render, FailureKind.Terminal, "The session has no draft with content to render."));
                    }

                    // Held to the user's options first: what is free to enforce is, the rest is noted.
                    (draft, notes) = DraftOptions.Apply(exportable, input.Options);
                }

                try
                {
                    var operation = await client.StartRenderAsync(input.SessionId, draft, renderId: renderId, cancellationToken: cancellationToken).ConfigureAwait(false);
                    Log.RenderStarted(_logger, operation.Id);
                    return StepResults.Ok(ToSnapshot(operation.LastStatus) with { Notes = notes.Count == 0 ? null : notes });
                }
                catch (DuplicateRenderIdException)
                {
                    // Held outside this ledger (another host on the same account): try the next id.
                }
            }

            return StepResults.Fail<RenderSnapshot>(new ConversionFailure(
                ConversionStage.Render, FailureKind.Transient, $"No free render id among the {MaxRenderIdCandidates} tried; the render will be requested again."));
        }
        catch (NemoApiException ex)
        {
            return Fail<RenderSnapshot>(ConversionStage.Render, ex);
        }
    }

    /// <summary>
    /// <see cref="ConversionActivityNames.CheckRender"/>: polls the render once. A rate limit that outlasted the
    /// client's own retries is a value carrying <see cref="RenderSnapshot.RetryAfterSeconds"/>, not a failure; a render
    /// Nemo no longer knows is a recoverable failure with <see cref="ConversionFailures.RenderNotFound"/>.
    /// </summary>
    public async Task<StepResult<RenderSnapshot>> CheckRenderAsync(RenderInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var renderId = RequireRenderId(input);
        try
        {
            var status = await For(input.Profile).GetRenderStatusAsync(renderId, cancellationToken).ConfigureAwait(false);
            return StepResults.Ok(ToSnapshot(status));
        }
        catch (NemoApiException ex) when (ex.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var wait = Math.Max(30, ex.RetryAfter?.TotalSeconds ?? 30);
            return StepResults.Ok(new RenderSnapshot(renderId, RenderState.Unknown, null, null, wait));
        }
        catch (NemoApiException ex) when (ConversionFailures.IsRenderNotFound(ex))
        {
            // Export is free: the orchestration exports the same draft again rather than ending here.
            return StepResults.Fail<RenderSnapshot>(new ConversionFailure(
                ConversionStage.Wait, FailureKind.Recoverable, $"Nemo no longer knows render {renderId} (404).", ConversionFailures.RenderNotFound, 404));
        }
        catch (NemoApiException ex)
        {
            return Fail<RenderSnapshot>(ConversionStage.Wait, ex);
        }
    }

    /// <summary>
    /// <see cref="ConversionActivityNames.CancelRender"/>: asks Nemo to stop the render. Returns
    /// <see cref="RenderState.Cancelled"/> when Nemo stopped it; when Nemo refused because the render had already
    /// finished (409, in whichever shape), the render's final status instead, so the orchestration can keep a completed
    /// render rather than throw it away.
    /// </summary>
    public async Task<StepResult<RenderSnapshot>> CancelRenderAsync(RenderInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var renderId = RequireRenderId(input);
        var client = For(input.Profile);
        try
        {
            await client.CancelRenderAsync(renderId, cancellationToken).ConfigureAwait(false);
            return StepResults.Ok(new RenderSnapshot(renderId, RenderState.Cancelled, null));
        }
        catch (NemoApiException ex)
        {
            // The refusal's shape varies (HTTP 409, code 409 in an HTTP 200 envelope, a bare success:false): the status
            // says for certain whether the render is already final.
            if (await FinalStatusAsync(client, renderId, cancellationToken).ConfigureAwait(false) is { } final)
            {
                Log.RenderAlreadyFinal(_logger, renderId, final.State);
                return StepResults.Ok(ToSnapshot(final));
            }

            return Fail<RenderSnapshot>(ConversionStage.Wait, ex);
        }
    }

    /// <summary>
    /// <see cref="ConversionActivityNames.SaveOutput"/>: re-reads the render's status (its output URL may be signed, so
    /// it never enters history) and streams the MP4 into the output area, all or nothing.
    /// </summary>
    public async Task<StepResult<SavedOutput>> SaveOutputAsync(SaveOutputInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var client = For(input.Profile);
        try
        {
            var status = await client.GetRenderStatusAsync(input.RenderId, cancellationToken).ConfigureAwait(false);
            if (status.State != RenderState.Completed)
            {
                return StepResults.Fail<SavedOutput>(new ConversionFailure(
                    ConversionStage.Save, FailureKind.Terminal, $"The render is {status.State.ToString().ToLowerInvariant()}, not completed; there is nothing to save."));
            }

            var metadata = new Dictionary<string, string>
            {
                ["instanceId"] = input.InstanceId,
                ["renderId"] = input.RenderId,
            };
            var saved = await _store.WriteOutputAsync(
                input.OutputName,
                "video/mp4",
                (stream, token) => client.DownloadRenderAsync(status, stream, token),
                metadata,
                cancellationToken).ConfigureAwait(false);
            Log.OutputSaved(_logger, saved.Key, saved.Bytes);
            return StepResults.Ok(saved);
        }
        catch (NemoApiException ex)
        {
            return Fail<SavedOutput>(ConversionStage.Save, ex);
        }
    }

    /// <summary>Claims <paramref name="renderId"/> for the instance and sequence, or finds it claimed by them before or by someone else.</summary>
    private async Task<RenderIdClaim> ClaimRenderIdAsync(StartRenderInput input, string renderId, CancellationToken cancellationToken)
    {
        var holder = string.Create(CultureInfo.InvariantCulture, $"{input.InstanceId}/render/{input.Sequence}");
        var claim = await _ledger.ClaimAsync("render-id:" + renderId, holder, cancellationToken).ConfigureAwait(false);
        return claim.IsNew ? RenderIdClaim.New
            : string.Equals(claim.Holder, holder, StringComparison.Ordinal) ? RenderIdClaim.ClaimedBefore
            : RenderIdClaim.Taken;
    }

    private static async Task<RenderStatus?> FindRenderAsync(NemoClient client, string renderId, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetRenderStatusAsync(renderId, cancellationToken).ConfigureAwait(false);
        }
        catch (NemoApiException ex) when (ConversionFailures.IsRenderNotFound(ex))
        {
            return null;
        }
    }

    /// <summary>The render's status when it is final; null when it is still running or its status cannot be read.</summary>
    private static async Task<RenderStatus?> FinalStatusAsync(NemoClient client, string renderId, CancellationToken cancellationToken)
    {
        try
        {
            var status = await client.GetRenderStatusAsync(renderId, cancellationToken).ConfigureAwait(false);
            return status.IsFinal ? status : null;
        }
        catch (NemoApiException)
        {
            // The cancel's own failure is the one worth reporting.
            return null;
        }
    }

    private static string RequireRenderId(RenderInput input) =>
        string.IsNullOrWhiteSpace(input.RenderId)
            ? throw new ArgumentException("A render id is required.", nameof(input))
            : input.RenderId;

    private static RenderSnapshot ToSnapshot(RenderStatus status) =>
        new(status.Id, status.State, status.Progress, status.Error);
}
