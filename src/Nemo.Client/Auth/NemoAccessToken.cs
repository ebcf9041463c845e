using System.Globalization;

namespace Nemo.Client;

/// <summary>
/// A Nemo access token and what is known about it. <see cref="ToString"/> never shows the token.
/// </summary>
public sealed class NemoAccessToken
{
    /// <summary>Creates a token description.</summary>
    /// <param name="value">The bearer token.</param>
    /// <param name="isAnonymous">Whether it was issued by <c>POST /api/auth/anonymous-token</c>.</param>
    /// <param name="userId">The Nemo user id, when known (anonymous tokens: <c>anon_…</c>).</param>
    /// <param name="expiresAt">When the token expires, when known.</param>
    /// <param name="clientId">The client id the anonymous token was issued to.</param>
    public NemoAccessToken(
        string value,
        bool isAnonymous = false,
        string? userId = null,
        DateTimeOffset? expiresAt = null,
        string? clientId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
        IsAnonymous = isAnonymous;
        UserId = userId;
        ExpiresAt = expiresAt;
        ClientId = clientId;
    }

    /// <summary>The bearer token. Keep it out of logs, messages and persisted results.</summary>
    public string Value { get; }

    /// <summary>Whether this is an anonymous token (then 2001 errors carry the bind link).</summary>
    public bool IsAnonymous { get; }

    /// <summary>The Nemo user id, when known.</summary>
    public string? UserId { get; }

    /// <summary>When the token expires, when known.</summary>
    public DateTimeOffset? ExpiresAt { get; }

    /// <summary>The client id an anonymous token was issued to.</summary>
    public string? ClientId { get; }

    /// <summary>Whether the token can still be used at <paramref name="now"/>, keeping <paramref name="margin"/> in hand.</summary>
    public bool IsUsableAt(DateTimeOffset now, TimeSpan margin) => ExpiresAt is not { } expires || now < expires - margin;

    /// <summary>A description without the token value.</summary>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"NemoAccessToken(anonymous: {IsAnonymous}, user: {UserId ?? "?"}, expires: {ExpiresAt?.ToString("O", CultureInfo.InvariantCulture) ?? "?"})");
}
