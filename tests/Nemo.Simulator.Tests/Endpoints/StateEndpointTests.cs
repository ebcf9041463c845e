namespace Nemo.Simulator.Tests;

public sealed class StateEndpointTests
{
    [Fact]
    public async Task A_new_session_has_an_empty_non_exportable_draft_and_the_uploads()
    {
        var (sim, nemo) = await RawNemo.StartAsync();
        await using var _ = sim;
        using var __ = nemo;
        var session = await nemo.ReadySessionAsync();

        var body = await nemo.StateAsync(session);

        Assert.Equal(0, (int)body["code"]!);
        var data = body["data"]!;
        Assert.Equal(session, (string)data["session_id"]!);
        Assert.NotNull(data["task_id"]);
        Assert.Equal("project", (string)data["task_name"]!);
        Assert.Empty(data["state"]!["draft"]!["t"]!.AsArray());
        Assert.Single(data["state"]!["video_infos"]!.AsArray());
        Assert.NotNull(data["state"]!["generated_media"]);
    }

    [Fact]
    public async Task A_lost_session_is_1002()
    {
        var (sim, nemo) = await RawNemo.StartAsync();
        await using var _ = sim;
        using var __ = nemo;
        var session = await nemo.ReadySessionAsync();
        sim.Accounts.LoseSession(session);

        var body = await nemo.StateAsync(session);

        Assert.Equal(1002, (int)body["code"]!);
    }

    [Fact]
    public async Task Another_users_session_is_1002()
    {
        var (sim, nemo) = await RawNemo.StartAsync();
        await using var _ = sim;
        using var __ = nemo;
        var session = await nemo.ReadySessionAsync();
        using var other = new RawNemo(sim, "someone-else");
        await other.AcquireTokenAsync();

        var body = await other.StateAsync(session);

        Assert.Equal(1002, (int)body["code"]!);
    }
}
