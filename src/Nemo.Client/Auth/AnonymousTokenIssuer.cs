using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Nemo.Client;

/// <summary>
/// <c>POST /api/auth/anonymous-token</c>: no bearer token, <c>X-Client-Id</c> header. Transient
/// failures are retried; 429 is not (the limits count per 7 days). An HTTP 400 (client id missing
/// or refused) is retried once with a freshly generated client id.
/// </summary>
internal sealed class AnonymousTokenIssuer(NemoTransport transport)
{
    public const string Operation = "POST /api/auth/anonymous-token";

    /// <summary>How long tokens live when the response does not say (nemo-api.md: 7 days).</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(7);

    public async Task<NemoAccessToken> AcquireAsync(string? clientId, CancellationToken cancellationToken)
    {
        var id = string.IsNullOrWhiteSpace(clientId) ? NewClientId() : clientId.Trim();
        try
        {
            return await AcquireOnceAsync(id, cancellationToken).ConfigureAwait(false);
        }
        catch (NemoApiException ex) when (ex.StatusCode == HttpStatusCode.BadRequest && ex.NemoCode is null)
        {
            Log.ClientIdRejected(transport.Logger);
            return await AcquireOnceAsync(NewClientId(), cancellationToken).ConfigureAwait(false);
        }
    }

    public static string NewClientId() => Guid.NewGuid().ToString("D", CultureInfo.InvariantCulture);

    private async Task<NemoAccessToken> AcquireOnceAsync(string clientId, CancellationToken cancellationToken)
    {
        var profile = NemoProfiles.Get(transport.Options.Profile);
        var request = new NemoRequest
        {
            Operation = Operation,
            Method = HttpMethod.Post,
            Uri = transport.Api("/api/auth/anonymous-token"),
            Authenticated = false,
            ClientId = clientId,
            IsAnonymousTokenCall = true,
        };

        var data = await transport.SendJsonAsync(request, profile, transport.WithoutRateLimitRetry, NemoEnvelope.Code, cancellationToken).ConfigureAwait(false);
        var parsed = data.Deserialize(NemoJsonContext.Default.AnonymousTokenData);
        if (parsed is not { Token: { Length: > 0 } token })
        {
            throw NemoResponseReader.Protocol(new NemoErrorContext(Operation, profile), HttpStatusCode.OK, "Nemo's anonymous-token response did not contain a token.");
        }

        var expiresAt = ParseExpiry(parsed.ExpiresAt) ?? transport.Time.GetUtcNow() + DefaultLifetime;
        var result = new NemoAccessToken(token, isAnonymous: true, parsed.UserId, expiresAt, clientId);
        Log.TokenAcquired(transport.Logger, expiresAt);
        return result;
    }

    /// <summary>ISO-8601 (documented), or Unix seconds/milliseconds (tolerated).</summary>
    private static DateTimeOffset? ParseExpiry(JsonElement? value)
    {
        if (value is { ValueKind: JsonValueKind.String } s
            && DateTimeOffset.TryParse(s.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }

        if (value is { ValueKind: JsonValueKind.Number } n && n.TryGetInt64(out var unix))
        {
            return unix > 100_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds(unix) : DateTimeOffset.FromUnixTimeSeconds(unix);
        }

        return null;
    }
}
