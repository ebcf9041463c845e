using System.Net;
using System.Net.Http.Json;

namespace Nemo.Simulator.Tests;

public sealed class SessionEndpointTests
{
    [Fact]
    public async Task Session_id_is_a_long_numeric_string_and_task_id_is_set()
    {
        var (sim, nemo) = await RawNemo.StartAsync();
        await using var _ = sim;
        using var __ = nemo;
        await nemo.AcquireTokenAsync();

        var (response, body) = await nemo.CallAsync(HttpMethod.Post, "api/tasks/me/with-session/nemo_agent",
            RawNemo.Json("""{"task_name":"project","language":"en","unknown_field":{"x":1}}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sessionId = (string)body!["data"]!["session_id"]!;
        Assert.True(sessionId.Length >= 18 && sessionId.All(char.IsAsciiDigit), sessionId);
        Assert.StartsWith("task_", (string)body["data"]!["task_id"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_token_it_is_1001()
    {
        var (sim, nemo) = await RawNemo.StartAsync();
        await using var _ = sim;
        using var __ = nemo;

        var (response, body) = await nemo.CallAsync(HttpMethod.Post, "api/tasks/me/with-session/nemo_agent", JsonContent.Create(new { task_name = "project" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1001, (int)body!["code"]!);
        Assert.False(sim.Journal.Entries.Single().HasAuthorization);
    }

    [Fact]
    public async Task An_expired_token_is_1001_and_a_new_token_works()
    {
        var (sim, nemo) = await RawNemo.StartAsync();
        await using var _ = sim;
        using var __ = nemo;
        var token = await nemo.AcquireTokenAsync();
        sim.Accounts.ExpireToken(token);

        var (_, expired) = await nemo.CallAsync(HttpMethod.Post, "api/tasks/me/with-session/nemo_agent", JsonContent.Create(new { task_name = "project" }));
        await nemo.AcquireTokenAsync();
        var session = await nemo.CreateSessionAsync();

        Assert.Equal(1001, (int)expired!["code"]!);
        Assert.NotEmpty(session);
    }

    [Fact]
    public async Task Tokens_expire_with_scaled_time()
    {
        // 1 simulated minute at a scale of 0.001 is 60 ms of real time.
        var (sim, nemo) = await RawNemo.StartAsync(o => o.TokenLifetime = TimeSpan.FromMinutes(1));
        await using var _ = sim;
        using var __ = nemo;
        await nemo.AcquireTokenAsync();

        var code = await RawNemo.WaitForAsync(async () =>
        {
            var credits = await nemo.CreditsAsync();
            return (int)credits["code"]! == 1001 ? "expired" : null;
        });

        Assert.Equal("expired", code);
    }
}
