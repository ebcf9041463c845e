using System.Net;
using Nemo.Client.Tests.Testing;

namespace Nemo.Client.Tests.Auth;

public sealed class NemoClientAuthTests
{
    [Fact]
    public async Task AcquireAnonymousToken_sends_the_client_id_without_authorization()
    {
        var test = new TestClient();
        test.Handler.RespondData("""{"token":"nmv_usr_1","user_id":"anon_1","expires_at":"2025-06-08T00:00:00Z","credits":100}""");

        var token = await test.Client.AcquireAnonymousTokenAsync("client-123");

        Assert.Equal("nmv_usr_1", token.Value);
        Assert.Equal("client-123", token.ClientId);
        var request = Assert.Single(test.Handler.Requests);
        Assert.Equal("client-123", request.Header("X-Client-Id"));
        Assert.Null(request.Header("Authorization"));
        Assert.Equal("9.9.9", request.Header("X-Skill-Version"));
        Assert.Empty(request.Body);
    }

    [Fact]
    public async Task AcquireAnonymousToken_generates_a_client_id_when_none_is_given()
    {
        var test = new TestClient();
        test.Handler.RespondData("""{"token":"nmv_usr_1"}""");

        var token = await test.Client.AcquireAnonymousTokenAsync();

        Assert.True(Guid.TryParse(test.Handler.Requests[0].Header("X-Client-Id"), out _));
        Assert.Equal(test.Handler.Requests[0].Header("X-Client-Id"), token.ClientId);
    }

    [Fact]
    public async Task AcquireAnonymousToken_without_a_token_in_the_answer_fails()
    {
        var test = new TestClient(o => o.MaxRetries = 0);
        test.Handler.RespondData("""{"user_id":"anon"}""");

        await Assert.ThrowsAsync<NemoApiException>(() => test.Client.AcquireAnonymousTokenAsync("c"));
    }

    [Fact]
    public async Task AcquireAnonymousToken_rejects_long_client_ids()
    {
        var test = new TestClient();
        await Assert.ThrowsAsync<ArgumentException>(() => test.Client.AcquireAnonymousTokenAsync(new string('a', 65)));
    }

    [Fact]
    public async Task AcquireAnonymousToken_retries_server_errors()
    {
        var test = new TestClient();
        test.Handler.Respond(HttpStatusCode.InternalServerError, "oops", "text/plain").RespondData("""{"token":"nmv_usr_1"}""");

        var token = await test.RunAsync(test.Client.AcquireAnonymousTokenAsync("c"));

        Assert.Equal("nmv_usr_1", token.Value);
        Assert.Equal(2, test.Handler.Requests.Count);
    }
}
