namespace Nemo.Client.Tests.Auth;

public sealed class NemoAccessTokenTests
{
    [Fact]
    public void ToString_never_shows_the_token()
    {
        var token = new NemoAccessToken("nmv_usr_supersecret", isAnonymous: true, userId: "anon_1", expiresAt: DateTimeOffset.UnixEpoch);
        var text = token.ToString();
        Assert.DoesNotContain("supersecret", text, StringComparison.Ordinal);
        Assert.Contains("anon_1", text, StringComparison.Ordinal);
    }

    [Fact]
    public void IsUsableAt_keeps_a_safety_margin_before_expiry()
    {
        var expires = new DateTimeOffset(2025, 1, 8, 0, 0, 0, TimeSpan.Zero);
        var token = new NemoAccessToken("t", expiresAt: expires);

        Assert.True(token.IsUsableAt(expires - TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(5)));
        Assert.False(token.IsUsableAt(expires - TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5)));
        Assert.True(new NemoAccessToken("t").IsUsableAt(DateTimeOffset.MaxValue, TimeSpan.FromMinutes(5)));
    }
}
