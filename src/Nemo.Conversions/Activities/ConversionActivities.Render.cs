using System.Net;
using Nemo.Client;

namespace Nemo.Conversions;

public sealed partial class ConversionActivities
{
    /// <summary>
    /// <see cref="ConversionActivityNames.StartRender"/>: reads the session's latest draft and exports it (free).
    /// The draft is read here so its JSON never enters the orchestration history.
    /// </summary>
    public async Task<StepResult<RenderSnapshot>> StartRenderAsync(RenderInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var client = For(input.Profile);
        try
        {
            var state = await client.GetStateAsync(input.SessionId, cancellationToken).ConfigureAwait(false);
            if (state.Draft is not { IsExportable: true } draft)
            {
                return StepResults.Fail<RenderSnapshot>(new ConversionFailure(
                    ConversionStage.Render, FailureKind.Terminal, "The session has no draft with content to render."));
            }

            var operation = await client.StartRenderAsync(input.SessionId, draft, cancellationToken: cancellationToken).ConfigureAwait(false);
            Log.RenderStarted(_logger, operation.Id);
            return StepResults.Ok(ToSnapshot(operation.LastStatus));
        }
        catch (NemoApiException ex)
        {
            return Fail<RenderSnapshot>(ConversionStage.Render, ex);
        }
    }

    /// <summary>
    /// <see cref="ConversionActivityNames.CheckRender"/>: polls the render once. A rate limit that outlasted the
    /// client's own retries is a value carrying <see cref="RenderSnapshot.RetryAfterSeconds"/>, not a failure.
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
        catch (NemoApiException ex)
        {
            return Fail<RenderSnapshot>(ConversionStage.Wait, ex);
        }
    }

    /// <summary><see cref="ConversionActivityNames.CancelRender"/>: asks Nemo to stop the render.</summary>
    public async Task<StepResult<RenderSnapshot>> CancelRenderAsync(RenderInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var renderId = RequireRenderId(input);
        try
        {
            await For(input.Profile).CancelRenderAsync(renderId, cancellationToken).ConfigureAwait(false);
            return StepResults.Ok(new RenderSnapshot(renderId, RenderState.Cancelled, null));
        }
        catch (NemoApiException ex)
        {
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

    private static string RequireRenderId(RenderInput input) =>
        string.IsNullOrWhiteSpace(input.RenderId)
            ? throw new ArgumentException("A render id is required.", nameof(input))
            : input.RenderId;

    private static RenderSnapshot ToSnapshot(RenderStatus status) =>
        new(status.Id, status.State, status.Progress, status.Error);
}
