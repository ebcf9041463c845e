using Microsoft.Extensions.DependencyInjection;
using Nemo.Client;
using Nemo.Conversions.Tests.Testing;
using Nemo.Simulator;

namespace Nemo.Conversions.Tests.Activities;

/// <summary>
/// StartRender runs at least once like every activity, but must never leave a second render behind: the render id is
/// claimed in the spend ledger before the export, and a re-execution carries on with the render Nemo already has.
/// </summary>
public sealed class StartRenderTests
{
    private static readonly DateTime RequestedAt = new(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc);
    private static readonly long RequestedMs = new DateTimeOffset(RequestedAt).ToUnixTimeMilliseconds();

    [Fact]
    public async Task The_first_id_is_render_unix_ms_of_the_request_time()
    {
        await using var h = await ActivitiesHarness.StartAsync();
        var sessionId = await DraftedSessionAsync(h, "conv-a");

        var started = await h.Activities.StartRenderAsync(new StartRenderInput("conv-a", "best", sessionId, 1, RequestedAt), h.Deadline);

        Assert.True(started.Succeeded, started.Failure?.Reason);
        Assert.Equal($"render_{RequestedMs}", started.Value!.RenderId);
        Assert.Equal("conv-a/render/1", h.Ledger.Keys[$"render-id:render_{RequestedMs}"]);
    }

    [Fact]
    public async Task Run_again_it_carries_on_with_the_same_render()
    {
        await using var h = await ActivitiesHarness.StartAsync();
        var sessionId = await DraftedSessionAsync(h, "conv-b");
        var input = new StartRenderInput("conv-b", "best", sessionId, 1, RequestedAt);

        var first = await h.Activities.StartRenderAsync(input, h.Deadline);
        var again = await h.Activities.StartRenderAsync(input, h.Deadline);

        Assert.Equal(first.Value!.RenderId, again.Value!.RenderId);
        Assert.Equal(1, h.Simulator.Journal.Count(SimulatorEndpoint.RenderStart));
        Assert.Single(h.Simulator.Renders);
    }

    [Fact]
    public async Task Killed_after_nemo_accepted_the_export_the_next_run_finds_that_render()
    {
        // The answer is held back long enough for the "host" to die waiting for it, after Nemo started the render.
        await using var h = await ActivitiesHarness.StartAsync();
        var sessionId = await DraftedSessionAsync(h, "conv-c");
        h.Simulator.Faults.Add(Fault.On(SimulatorEndpoint.RenderStart).LateResponse(TimeSpan.FromHours(1)).Once());
        var input = new StartRenderInput("conv-c", "best", sessionId, 1, RequestedAt);
        using var killed = CancellationTokenSource.CreateLinkedTokenSource(h.Deadline);

        var dying = h.Activities.StartRenderAsync(input, killed.Token);
        while (h.Simulator.Renders.Count == 0)
        {
            await Task.Delay(10, h.Deadline);
        }

        await killed.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dying);
        var rerun = await h.Activities.StartRenderAsync(input, h.Deadline);

        Assert.True(rerun.Succeeded, rerun.Failure?.Reason);
        Assert.Equal(h.Simulator.Renders[0].Id, rerun.Value!.RenderId);
        Assert.Equal(1, h.Simulator.Journal.Count(SimulatorEndpoint.RenderStart));
        Assert.Single(h.Simulator.Renders);
    }

    [Fact]
    public async Task Another_instance_in_the_same_millisecond_gets_the_next_id()
    {
        await using var h = await ActivitiesHarness.StartAsync(o => o.StartingCredits = 1000);
        var first = await DraftedSessionAsync(h, "conv-d");
        var second = await DraftedSessionAsync(h, "conv-e");

        var a = await h.Activities.StartRenderAsync(new StartRenderInput("conv-d", "best", first, 1, RequestedAt), h.Deadline);
        var b = await h.Activities.StartRenderAsync(new StartRenderInput("conv-e", "best", second, 1, RequestedAt), h.Deadline);
        var bAgain = await h.Activities.StartRenderAsync(new StartRenderInput("conv-e", "best", second, 1, RequestedAt), h.Deadline);

        Assert.Equal($"render_{RequestedMs}", a.Value!.RenderId);
        Assert.Equal($"render_{RequestedMs + 1}", b.Value!.RenderId);
        Assert.Equal(b.Value.RenderId, bAgain.Value!.RenderId);
        Assert.Equal(2, h.Simulator.Renders.Count);
        Assert.Equal([first, second], h.Simulator.Renders.Select(r => r.SessionId));
    }

    [Fact]
    public async Task A_retry_after_a_failed_render_uses_a_new_sequence_and_a_new_render()
    {
        await using var h = await ActivitiesHarness.StartAsync();
        var sessionId = await DraftedSessionAsync(h, "conv-f");

        var first = await h.Activities.StartRenderAsync(new StartRenderInput("conv-f", "best", sessionId, 1, RequestedAt), h.Deadline);
        var retry = await h.Activities.StartRenderAsync(new StartRenderInput("conv-f", "best", sessionId, 2, RequestedAt.AddSeconds(40)), h.Deadline);

        Assert.NotEqual(first.Value!.RenderId, retry.Value!.RenderId);
        Assert.Equal($"render_{RequestedMs + 40_000}", retry.Value.RenderId);
        Assert.Equal(2, h.Simulator.Renders.Count);
    }

    [Fact]
    public async Task An_id_held_outside_the_ledger_is_skipped_when_nemo_calls_it_a_duplicate()
    {
        await using var h = await ActivitiesHarness.StartAsync();
        var sessionId = await DraftedSessionAsync(h, "conv-g");
        var client = h.Services.GetRequiredService<NemoClient>();
        var state = await client.GetStateAsync(sessionId, h.Deadline);
        await client.StartRenderAsync(sessionId, state.Draft!, renderId: $"render_{RequestedMs}", cancellationToken: h.Deadline);

        var started = await h.Activities.StartRenderAsync(new StartRenderInput("conv-g", "best", sessionId, 1, RequestedAt), h.Deadline);

        Assert.True(started.Succeeded, started.Failure?.Reason);
        Assert.Equal($"render_{RequestedMs + 1}", started.Value!.RenderId);
        Assert.Equal(2, h.Simulator.Renders.Count);
    }

    private static async Task<string> DraftedSessionAsync(ActivitiesHarness h, string instanceId)
    {
        var sessionId = await h.SessionWithImageAsync();
        var reply = await h.Activities.SendPromptAsync(new SendPromptInput(instanceId, "best", sessionId, "animate this image with a slow zoom-in", 1), h.Deadline);
        Assert.True(reply.Succeeded, reply.Failure?.Reason);
        return sessionId;
    }
}
