using System.Net;
using System.Text.Json.Nodes;

namespace Nemo.Simulator.Tests;

public sealed class TokenEndpointTests
{
    [Fact]
    public async Task Missing_client_id_is_400()
    {
        var (sim, nemo) = await RawNemo.StartAsync();
        await using var _ = sim;
        using var __ = nemo;

        using var response = await nemo.Http.PostAsync("api/auth/anonymous-token", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Client_id_longer_than_64_is_400()
    {
        var (sim, nemo) = await RawNemo.StartAsync();
        await using var _ = sim;
        using var __ = nemo;
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/auth/anonymous-token");
        request.Headers.Add("X-Client-Id", new string('x', 65));

        using var response = await nemo.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Token_has_the_documented_fields()
    {
        var (sim, nemo) = await RawNemo.StartAsync(o => o.StartingCredits = 250);
        await using var _ = sim;
        using var __ = nemo;
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/auth/anonymous-token");
        request.Headers.Add("X-Client-Id", "3f2b8c1e-0000-4000-8000-000000000001");

        using var response = await nemo.Http.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (int)body["code"]!);
        var data = body["data"]!;
        Assert.StartsWith("nmv_usr_", (string)data["token"]!, StringComparison.Ordinal);
        Assert.StartsWith("anon_", (string)data["user_id"]!, StringComparison.Ordinal);
        Assert.Equal(250, (int)data["credits"]!);
        var expires = DateTimeOffset.Parse((string)data["expires_at"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expires - sim.Clock.GetUtcNow(), TimeSpan.FromDays(6.9), TimeSpan.FromDays(7));
    }

    [Fact]
    public async Task Same_client_id_is_the_same_user_and_is_rate_limited()
    {
        var (sim, nemo) = await RawNemo.StartAsync(o => o.TokensPerClientLimit = 2);
        await using var _ = sim;
        using var __ = nemo;

        var first = await nemo.AcquireTokenAsync();
        sim.Accounts.SetCredits(first, 42);
        var second = await nemo.AcquireTokenAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/auth/anonymous-token");
        request.Headers.Add("X-Client-Id", nemo.ClientId);
        using var third = await nemo.Http.SendAsync(request);

        Assert.NotEqual(first, second);
        Assert.Equal(42, sim.Accounts.GetCredits(second)!.Available);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.True(third.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task Other_client_ids_are_not_limited_by_one_client()
    {
        var (sim, nemo) = await RawNemo.StartAsync(o => o.TokensPerClientLimit = 1);
        await using var _ = sim;
        using var __ = nemo;
        using var other = new RawNemo(sim, "other-client");

        await nemo.AcquireTokenAsync();
        await other.AcquireTokenAsync();

        Assert.Equal(2, sim.Journal.Count(SimulatorEndpoint.AnonymousToken));
    }
}
