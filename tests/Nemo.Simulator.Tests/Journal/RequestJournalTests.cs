namespace Nemo.Simulator.Tests;

public sealed class RequestJournalTests
{
    [Fact]
    public async Task Records_endpoints_headers_sessions_and_never_the_token()
    {
        var (sim, nemo) = await RawNemo.StartAsync(o => o.NoTextProbability = 0);
        await using var _ = sim;
        using var __ = nemo;
        var session = await nemo.ReadySessionAsync();
        await nemo.PromptAsync(session, "animate this image with a slow zoom");
        await nemo.PromptAsync(session, "now add some jazz music please");

        var entries = sim.Journal.Entries;

        Assert.Equal(1, sim.Journal.Count(SimulatorEndpoint.AnonymousToken));
        Assert.Equal(1, sim.Journal.Count(SimulatorEndpoint.Upload));
        Assert.Equal(2, sim.Journal.Count(SimulatorEndpoint.RunSse));
        Assert.Equal(2, sim.Journal.PromptsPerSession()[session]);
        Assert.Empty(sim.Journal.RendersPerSession());
        var prompt = entries.First(e => e.Endpoint == SimulatorEndpoint.RunSse);
        Assert.Equal(session, prompt.SessionId);
        Assert.Equal("image-to-video-best", prompt.SkillSource);
        Assert.Equal("1.0.0", prompt.SkillVersion);
        Assert.Equal("unknown", prompt.SkillPlatform);
        Assert.True(prompt.HasAuthorization);
        Assert.Equal(8, prompt.TokenHash!.Length);
        Assert.Equal(200, prompt.StatusCode);
        Assert.Equal("test-client", entries[0].ClientId);
        Assert.DoesNotContain(entries, e => e.TokenHash == nemo.Token || nemo.Token!.Contains(e.TokenHash ?? "-", StringComparison.Ordinal));
        Assert.Equal(entries.Select(e => e.Sequence).Order(), entries.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Renders_per_session_and_clear()
    {
        var (sim, nemo) = await RawNemo.StartAsync();
        await using var _ = sim;
        using var __ = nemo;
        var (session, draft) = await nemo.DraftedSessionAsync();
        await nemo.CallAsync(HttpMethod.Post, "api/render/proxy/lambda", RawNemo.RenderBody("render_a", session, draft));
        await nemo.CallAsync(HttpMethod.Post, "api/render/proxy/lambda", RawNemo.RenderBody("render_b", session, draft));

        var renders = sim.Journal.RendersPerSession();
        sim.Journal.Clear();

        Assert.Equal(2, renders[session]);
        Assert.Empty(sim.Journal.Entries);
        Assert.Equal(0, sim.Journal.Count(SimulatorEndpoint.RenderStart));
    }

    [Fact]
    public async Task Unknown_paths_are_journaled_as_unknown()
    {
        var (sim, nemo) = await RawNemo.StartAsync();
        await using var _ = sim;
        using var __ = nemo;

        using var response = await nemo.Http.GetAsync("api/nothing/here");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(SimulatorEndpoint.Unknown, sim.Journal.Entries.Single().Endpoint);
    }
}
