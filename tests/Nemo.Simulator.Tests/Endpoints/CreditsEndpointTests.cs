namespace Nemo.Simulator.Tests;

public sealed class CreditsEndpointTests
{
    [Fact]
    public async Task Balance_is_available_frozen_and_total()
    {
        var (sim, nemo) = await RawNemo.StartAsync(o => o.StartingCredits = 300);
        await using var _ = sim;
        using var __ = nemo;
        await nemo.AcquireTokenAsync();

        var data = (await nemo.CreditsAsync())["data"]!;

        Assert.Equal(300, (int)data["available"]!);
        Assert.Equal(0, (int)data["frozen"]!);
        Assert.Equal(300, (int)data["total"]!);
    }

    [Fact]
    public async Task A_running_prompt_freezes_its_cost_until_it_lands()
    {
        // Generation takes 100-300 simulated seconds = 0.1-0.3 s here; credits are read while the stream is open.
        var (sim, nemo) = await RawNemo.StartAsync(o => o.StartingCredits = 300);
        await using var _ = sim;
        using var __ = nemo;
        var session = await nemo.ReadySessionAsync();
        using var request = nemo.Request(HttpMethod.Post, "run_sse", RawNemo.PromptBody(session, "turn my photo into a smooth animated video"));
        using var response = await nemo.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        var during = (await nemo.CreditsAsync())["data"]!;
        await response.Content.ReadAsStringAsync();
        var after = await RawNemo.WaitForAsync(async () => (await nemo.CreditsAsync())["data"] is var d && (int)d!["frozen"]! == 0 ? d : null);

        Assert.Equal(200, (int)during["available"]!);
        Assert.Equal(100, (int)during["frozen"]!);
        Assert.Equal(300, (int)during["total"]!);
        Assert.Equal(200, (int)after["available"]!);
        Assert.Equal(200, (int)after["total"]!);
    }
}
