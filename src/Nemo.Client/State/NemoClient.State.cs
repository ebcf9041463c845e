using System.Text.Json;

namespace Nemo.Client;

public sealed partial class NemoClient
{
    private const string StateOperation = "GET /api/state/nemo_agent/me/{session}/latest";

    /// <summary>
    /// <c>GET /api/state/nemo_agent/me/&lt;session&gt;/latest</c>: the session's latest state. Use it
    /// after a prompt (about 30% of edits end without text) and to recover from a dropped chat stream.
    /// </summary>
    /// <param name="sessionId">The session.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The state; <see cref="SessionState.Draft"/> is null when there is no draft yet.</returns>
    /// <exception cref="NemoApiException">The call failed (1002 when the session is gone).</exception>
    public async Task<SessionState> GetStateAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionId);
        var request = Request(HttpMethod.Get, StateOperation, $"/api/state/nemo_agent/me/{Segment(sessionId)}/latest");
        var data = await _transport.SendJsonAsync(request, Profile, _transport.Idempotent, NemoEnvelope.Code, cancellationToken).ConfigureAwait(false);
        return ToSessionState(data, sessionId);
    }

    internal static SessionState ToSessionState(JsonElement data, string requestedSessionId)
    {
        // The documented shape nests the media under "state"; tolerate it flat as well.
        var state = data.Prop("state") ?? data;
        var draftElement = state.Prop("draft") ?? data.Prop("draft");
        var draft = draftElement is { ValueKind: JsonValueKind.Object or JsonValueKind.String } d ? NemoDraft.Parse(d) : null;
        return new SessionState(
            data.Prop("session_id").AsString() ?? requestedSessionId,
            data.Prop("task_id").AsString(),
            data.Prop("task_name").AsString(),
            draft,
            state.Prop("video_infos") ?? data.Prop("video_infos"),
            state.Prop("generated_media") ?? data.Prop("generated_media"),
            state.Prop("canvas_config") ?? data.Prop("canvas_config"),
            state.Prop("video_analyses") ?? data.Prop("video_analyses"));
    }
}
