using System.Text.Json.Nodes;

namespace Nemo.Client;

public sealed partial class NemoClient
{
    private const string StartRenderOperation = "POST /api/render/proxy/lambda";
    private const string RenderStatusOperation = "GET /api/render/proxy/lambda/{id}";
    private const string CancelRenderOperation = "POST /api/render/proxy/lambda/{id}/cancel";
    private const int MaxDuplicateIdRetries = 3;

    /// <summary>
    /// <c>POST /api/render/proxy/lambda</c>: starts exporting <paramref name="draft"/> (costs no credits).
    /// </summary>
    /// <remarks>
    /// <para>
    /// Without <paramref name="renderId"/> the client makes one (<c>render_&lt;unix-ms&gt;</c>); a duplicate id is retried
    /// at once with a fresh one, and transient failures are retried with a fresh id too, so a lost response can at worst
    /// leave a second, free render running.
    /// </para><para>
    /// With <paramref name="renderId"/> the caller owns the id, and retries reuse it: when a retry is refused as a
    /// duplicate after an earlier attempt of this call may have reached Nemo, that earlier attempt took effect and its
    /// render is returned instead of starting another. A duplicate on the first attempt is someone else's render: it
    /// surfaces as <see cref="DuplicateRenderIdException"/> and the caller picks another id.
    /// </para>
    /// </remarks>
    /// <param name="sessionId">The session the draft belongs to.</param>
    /// <param name="draft">The draft, posted back exactly as it came (unknown fields included).</param>
    /// <param name="output">Format and quality; <see cref="RenderOutput.Default"/> when null.</param>
    /// <param name="renderId">The render id to use (<c>render_&lt;unix-ms&gt;</c> by convention), or null to let the client choose.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The running render.</returns>
    /// <exception cref="DuplicateRenderIdException"><paramref name="renderId"/> is already in use.</exception>
    /// <exception cref="NemoApiException">The call failed (402 when the plan cannot export).</exception>
    public async Task<RenderOperation> StartRenderAsync(
        string sessionId,
        NemoDraft draft,
        RenderOutput? output = null,
        string? renderId = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionId);
        ArgumentNullException.ThrowIfNull(draft);
        if (renderId is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(renderId);
        }

        output ??= RenderOutput.Default;
        var draftJson = draft.ToJsonObject();
        var mayHaveReachedNemo = false;

        var status = await _transport.WithTokenRepairAsync(
            StartRenderOperation,
            state => NemoTransport.ExecuteAsync(
                StartRenderOperation,
                _transport.Idempotent,
                async token =>
                {
                    if (renderId is not null)
                    {
                        try
                        {
                            return await SendRenderCallAsync(RenderRequest(renderId, sessionId, draftJson, output), renderId, state, token).ConfigureAwait(false);
                        }
                        catch (DuplicateRenderIdException) when (mayHaveReachedNemo)
                        {
                            // An earlier attempt was accepted and only its answer was lost: that render is this call's.
                            Log.RenderAdopted(_transport.Logger, renderId);
                            return await GetRenderStatusAsync(renderId, token).ConfigureAwait(false);
                        }
                        finally
                        {
                            mayHaveReachedNemo = true;
                        }
                    }

                    for (var duplicates = 0; ; duplicates++)
                    {
                        var id = _renderIds.Next();
                        try
                        {
                            return await SendRenderCallAsync(RenderRequest(id, sessionId, draftJson, output), id, state, token).ConfigureAwait(false);
                        }
                        catch (DuplicateRenderIdException) when (duplicates < MaxDuplicateIdRetries)
                        {
                            Log.RenderIdDuplicate(_transport.Logger, id);
                        }
                    }
                },
                cancellationToken),
            cancellationToken).ConfigureAwait(false);

        if (status.State == RenderState.Unknown)
        {
            status = status with { State = RenderState.Pending };
        }

        Log.RenderStarted(_transport.Logger, status.Id);
        return new RenderOperation(this, _transport.Time, status);
    }

    /// <summary>
    /// An operation for a render started earlier (e.g. by another process), to poll, cancel or download.
    /// No call is made until it is used.
    /// </summary>
    /// <param name="renderId">The render id.</param>
    /// <returns>An operation whose <see cref="RenderOperation.LastStatus"/> is <see cref="RenderState.Unknown"/>.</returns>
    public RenderOperation GetRenderOperation(string renderId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(renderId);
        return new RenderOperation(this, _transport.Time, new RenderStatus(renderId, RenderState.Unknown, null, null, null));
    }

    /// <summary><c>GET /api/render/proxy/lambda/&lt;id&gt;</c>: polls a render. Retried on transient failures.</summary>
    /// <param name="renderId">The render id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The status, read from whichever documented place Nemo used.</returns>
    /// <exception cref="NemoApiException">The call failed.</exception>
    public async Task<RenderStatus> GetRenderStatusAsync(string renderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(renderId);
        var request = Request(HttpMethod.Get, RenderStatusOperation, $"/api/render/proxy/lambda/{Segment(renderId)}");
        var root = await _transport.SendJsonAsync(request, Profile, _transport.Idempotent, NemoEnvelope.Render, cancellationToken).ConfigureAwait(false);
        var status = RenderStatusReader.Read(root, renderId, _transport.Options.BaseAddress);
        Log.RenderPolled(_transport.Logger, status.Id, status.State, status.Progress);
        return status;
    }

    /// <summary><c>POST /api/render/proxy/lambda/&lt;id&gt;/cancel</c>: asks Nemo to stop a render. Retried on transient failures.</summary>
    /// <param name="renderId">The render id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Nemo accepted the cancellation.</returns>
    /// <exception cref="NemoApiException">The call failed.</exception>
    public async Task CancelRenderAsync(string renderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(renderId);
        var request = Request(HttpMethod.Post, CancelRenderOperation, $"/api/render/proxy/lambda/{Segment(renderId)}/cancel");
        await _transport.SendJsonAsync(request, Profile, _transport.Idempotent, NemoEnvelope.Render, cancellationToken).ConfigureAwait(false);
    }

    private NemoRequest RenderRequest(string id, string sessionId, JsonObject draftJson, RenderOutput output)
    {
        var body = new JsonObject
        {
            ["id"] = id,
            ["sessionId"] = sessionId,
            ["draft"] = draftJson.DeepClone(),
            ["output"] = new JsonObject { ["format"] = output.Format, ["quality"] = output.Quality },
        };
        return Request(HttpMethod.Post, StartRenderOperation, "/api/render/proxy/lambda", () => JsonBody.Create(body, NemoJsonContext.Default.JsonObject));
    }

    private async Task<RenderStatus> SendRenderCallAsync(NemoRequest request, string id, CallState state, CancellationToken cancellationToken)
    {
        using var response = await _transport.SendOnceAsync(request, Profile, HttpCompletionOption.ResponseContentRead, _transport.Options.RequestTimeout, state, cancellationToken).ConfigureAwait(false);
        var root = await NemoResponseReader.ReadAsync(response, NemoEnvelope.RenderStart, NemoTransport.ErrorContext(request, Profile, state), _transport.Time, cancellationToken).ConfigureAwait(false);
        return RenderStatusReader.Read(root, id, _transport.Options.BaseAddress);
    }
}
