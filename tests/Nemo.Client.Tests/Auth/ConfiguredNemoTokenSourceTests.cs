using System.Net;
using Nemo.Client.Tests.Testing;

namespace Nemo.Client.Tests.Auth;

public sealed class ConfiguredNemoTokenSourceTests
{
    [Fact]
    public async Task Returns_the_configured_token_and_cannot_refresh()
    {
        var source = new ConfiguredNemoTokenSource(" nmv_configured ");
        var token = await source.GetTokenAsync();

        Assert.Equal("nmv_configured", token.Value);
        Assert.False(token.IsAnonymous);
        Assert.False(source.CanRefresh);
        Assert.DoesNotContain("nmv_configured", source.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_configured_token_is_a_clear_terminal_error_without_retry()
    {
        var test = new TestClient();
        test.Handler.Respond(HttpStatusCode.OK, Responses.Error(1001, "token expired"));

        var error = await Assert.ThrowsAsync<NemoApiException>(() => test.Client.GetCreditsAsync());

        Assert.Equal(NemoErrorKind.Terminal, error.Kind);
        Assert.Equal(1001, error.NemoCode);
        Assert.Contains("configured Nemo token (NEMO_TOKEN) was rejected", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestClient.Token, error.Message, StringComparison.Ordinal);
        Assert.Single(test.Handler.Requests);
    }
}
