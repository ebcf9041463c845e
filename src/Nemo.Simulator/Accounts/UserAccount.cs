namespace Nemo.Simulator;

/// <summary>An anonymous user; one per client id, so a re-acquired token keeps the credits.</summary>
internal sealed class UserAccount(string userId, string clientId, int credits)
{
    public string UserId { get; } = userId;

    public string ClientId { get; } = clientId;

    public int Available { get; set; } = credits;

    public int Frozen { get; set; }

    public List<DateTimeOffset> TokensIssuedAt { get; } = [];
}
