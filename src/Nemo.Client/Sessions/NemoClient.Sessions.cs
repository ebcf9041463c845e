using System.Net;

namespace Nemo.Client;

public sealed partial class NemoClient
{
    private const string CreateSessionOperation = "POST /api/tasks/me/with-session/nemo_agent";

    /// <summary>
    /// <c>POST /api/tasks/me/with-session/nemo_agent</c>: creates a session. Retried on transient
    /// failures (a lost response costs at most an unused empty session).
    /// </summary>
    /// <param name="language">The session language. Default <c>en</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new session.</returns>
    /// <exception cref="NemoApiException">The call failed.</exception>
    public async Task<NemoSession> CreateSessionAsync(string language = "en", CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(language);
        var request = Request(
            HttpMethod.Post,
            CreateSessionOperation,
            "/api/tasks/me/with-session/nemo_agent",
            () => JsonBody.Create(new CreateSessionRequest("project", language), NemoJsonContext.Default.CreateSessionRequest));

        var data = await _transport.SendJsonAsync(request, Profile, _transport.Idempotent, NemoEnvelope.Code, cancellationToken).ConfigureAwait(false);
        var session = Deserialize(data, NemoJsonContext.Default.SessionData, CreateSessionOperation);
        if (session is not { SessionId.Length: > 0 })
        {
            throw NemoResponseReader.Protocol(new NemoErrorContext(CreateSessionOperation, Profile), HttpStatusCode.OK, "Nemo created a session but did not return its session_id.");
        }

        return new NemoSession(session.TaskId ?? string.Empty, session.SessionId, session.UserId);
    }

    private static T? Deserialize<T>(System.Text.Json.JsonElement data, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, string operation)
    {
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize(data, typeInfo);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new NemoApiException("Nemo returned data in an unexpected shape.", NemoErrorKind.Transient, HttpStatusCode.OK, innerException: ex)
            {
                Operation = operation,
            };
        }
    }
}
