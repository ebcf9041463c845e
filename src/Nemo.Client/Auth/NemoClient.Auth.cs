namespace Nemo.Client;

public sealed partial class NemoClient
{
    /// <summary>
    /// <c>POST /api/auth/anonymous-token</c>: acquires an anonymous token (no bearer token,
    /// <c>X-Client-Id</c> header). Nemo rate-limits this per client and IP over 7 days, so acquire once
    /// and persist (<see cref="AnonymousNemoTokenSource"/> does); a 429 is not retried.
    /// </summary>
    /// <param name="clientId">A stable id ≤ 64 characters; one is generated when empty. If Nemo answers
    /// HTTP 400 (missing/refused client id) the call is repeated once with a generated id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The token, with the client id it was issued to.</returns>
    /// <exception cref="NemoApiException">The call failed.</exception>
    public Task<NemoAccessToken> AcquireAnonymousTokenAsync(string? clientId = null, CancellationToken cancellationToken = default)
    {
        if (clientId is { Length: > 64 })
        {
            throw new ArgumentException("The client id must be at most 64 characters.", nameof(clientId));
        }

        return new AnonymousTokenIssuer(_transport).AcquireAsync(clientId, cancellationToken);
    }
}
