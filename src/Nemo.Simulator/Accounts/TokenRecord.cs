namespace Nemo.Simulator;

/// <summary>An issued bearer token.</summary>
internal sealed class TokenRecord(string token, UserAccount user, DateTimeOffset expiresAt)
{
    public string Token { get; } = token;

    public UserAccount User { get; } = user;

    public DateTimeOffset ExpiresAt { get; set; } = expiresAt;
}
