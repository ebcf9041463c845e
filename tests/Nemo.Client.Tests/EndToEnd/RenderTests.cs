using Nemo.Simulator;

namespace Nemo.Client.Tests.EndToEnd;

public sealed class RenderTests
{
    [Fact]
    public async Task A_render_that_fails_ends_Failed_with_the_servers_reason()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var (session, draft) = await harness.ReadyDraftAsync();
        harness.Simulator.Faults.Add(Fault.On(SimulatorEndpoint.RenderStart).RenderFailed("encoder exploded").Once());

        var render = await harness.Client.StartRenderAsync(session.SessionId, draft, cancellationToken: harness.Deadline);
        var final = await render.WaitForCompletionAsync(SimulatorHarness.PollInterval, harness.Deadline);

        Assert.Equal(RenderState.Failed, final.State);
        Assert.Equal("encoder exploded", final.Error);
        Assert.Null(final.OutputUrl);
        Assert.Equal(1, harness.Journal.Count(SimulatorEndpoint.RenderStart));
        JournalAssert.AttributionOnEveryRequest(harness.Journal, NemoProfiles.Best.SkillSource);
    }

    [Fact]
    public async Task A_cancelled_render_stops_and_reports_it()
    {
        // Ten simulated minutes: still running when the cancel arrives.
        await using var harness = await SimulatorHarness.StartAsync(o =>
        {
            o.RenderDurationMin = TimeSpan.FromMinutes(10);
            o.RenderDurationMax = TimeSpan.FromMinutes(10);
        });
        var (session, draft) = await harness.ReadyDraftAsync();
        var render = await harness.Client.StartRenderAsync(session.SessionId, draft, cancellationToken: harness.Deadline);

        await render.CancelAsync(harness.Deadline);
        var final = await render.WaitForCompletionAsync(SimulatorHarness.PollInterval, harness.Deadline);

        Assert.Contains(final.State, (RenderState[])[RenderState.Cancelled, RenderState.Failed]);
        Assert.Contains("cancel", final.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Null(final.OutputUrl);
        var cancel = Assert.Single(JournalAssert.On(harness.Journal, SimulatorEndpoint.RenderCancel));
        Assert.Equal(render.Id, cancel.RenderId);
        Assert.Equal(200, cancel.StatusCode);
        JournalAssert.AttributionOnEveryRequest(harness.Journal, NemoProfiles.Best.SkillSource);
    }

    [Fact]
    public async Task A_lost_answer_with_a_chosen_id_continues_with_the_render_nemo_started()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var (session, draft) = await harness.ReadyDraftAsync();
        harness.Simulator.Faults.Add(Fault.On(SimulatorEndpoint.RenderStart).ResponseLost().Once());

        var render = await harness.Client.StartRenderAsync(session.SessionId, draft, renderId: "render_1800000000000", cancellationToken: harness.Deadline);
        var final = await render.WaitForCompletionAsync(SimulatorHarness.PollInterval, harness.Deadline);

        Assert.Equal("render_1800000000000", render.Id);
        Assert.Equal(RenderState.Completed, final.State);
        var starts = JournalAssert.On(harness.Journal, SimulatorEndpoint.RenderStart).ToList();
        Assert.Equal(2, starts.Count);
        Assert.True(starts[0].Aborted);
        Assert.All(starts, s => Assert.Equal("render_1800000000000", s.RenderId));
        Assert.Single(harness.Simulator.Renders);
    }

    [Fact]
    public async Task Without_a_chosen_id_a_lost_answer_can_leave_a_second_render()
    {
        // The documented cost of client-chosen ids, and why the pipeline chooses its own.
        await using var harness = await SimulatorHarness.StartAsync();
        var (session, draft) = await harness.ReadyDraftAsync();
        harness.Simulator.Faults.Add(Fault.On(SimulatorEndpoint.RenderStart).ResponseLost().Once());

        var render = await harness.Client.StartRenderAsync(session.SessionId, draft, cancellationToken: harness.Deadline);

        Assert.Equal(2, harness.Simulator.Renders.Count);
        Assert.Equal(harness.Simulator.Renders[^1].Id, render.Id);
    }

    [Fact]
    public async Task A_chosen_id_someone_else_holds_is_refused_as_a_duplicate_without_retrying()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var (session, draft) = await harness.ReadyDraftAsync();
        await harness.Client.StartRenderAsync(session.SessionId, draft, renderId: "render_1800000000001", cancellationToken: harness.Deadline);

        var other = harness.CreateClient();
        var error = await Assert.ThrowsAsync<DuplicateRenderIdException>(() =>
            other.StartRenderAsync(session.SessionId, draft, renderId: "render_1800000000001", cancellationToken: harness.Deadline));

        Assert.Equal(NemoErrorKind.Recoverable, error.Kind);
        Assert.Equal(2, harness.Journal.Count(SimulatorEndpoint.RenderStart));
        Assert.Single(harness.Simulator.Renders);
    }

    [Theory]
    [InlineData(ErrorStyle.Http200Envelope)]
    [InlineData(ErrorStyle.HttpStatusEnvelope)]
    [InlineData(ErrorStyle.NonJsonBody)]
    public async Task A_duplicate_render_id_is_retried_with_a_fresh_id(ErrorStyle style)
    {
        // Two processes on a frozen clock pick the same render_<unix-ms> id.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var harness = await SimulatorHarness.StartAsync(
            o => o.ErrorStyle = style,
            o => o.RequestTimeout = Timeout.InfiniteTimeSpan,
            time);
        var (session, draft) = await harness.ReadyDraftAsync();
        var first = await harness.Client.StartRenderAsync(session.SessionId, draft, cancellationToken: harness.Deadline);

        var second = await harness.CreateClient().StartRenderAsync(session.SessionId, draft, cancellationToken: harness.Deadline);

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(RenderState.Pending, second.LastStatus.State);
        var starts = JournalAssert.On(harness.Journal, SimulatorEndpoint.RenderStart);
        Assert.Equal([first.Id, first.Id, second.Id], starts.Select(s => s.RenderId));
        Assert.Equal(new Dictionary<string, int> { [session.SessionId] = 3 }, harness.Journal.RendersPerSession());
    }

    [Fact]
    public async Task A_503_on_render_start_is_retried_with_a_fresh_id()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var (session, draft) = await harness.ReadyDraftAsync();
        harness.Simulator.Faults.Add(Fault.On(SimulatorEndpoint.RenderStart).ServerError(503).Once());

        var render = await harness.Client.StartRenderAsync(session.SessionId, draft, cancellationToken: harness.Deadline);
        var final = await render.WaitForCompletionAsync(SimulatorHarness.PollInterval, harness.Deadline);

        Assert.Equal(RenderState.Completed, final.State);
        var starts = JournalAssert.On(harness.Journal, SimulatorEndpoint.RenderStart);
        Assert.Equal([503, 200], starts.Select(s => s.StatusCode));
        Assert.NotEqual(starts[0].RenderId, starts[1].RenderId);
        Assert.Equal(render.Id, starts[1].RenderId);
    }

    [Fact]
    public async Task A_402_on_export_is_terminal_and_not_a_credits_problem()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var (session, draft) = await harness.ReadyDraftAsync();
        harness.Simulator.Faults.Add(Fault.On(SimulatorEndpoint.RenderStart).PaymentRequired());

        var error = await Assert.ThrowsAsync<NemoApiException>(() =>
            harness.Client.StartRenderAsync(session.SessionId, draft, cancellationToken: harness.Deadline));

        Assert.Equal(System.Net.HttpStatusCode.PaymentRequired, error.StatusCode);
        Assert.Equal(NemoErrorKind.Terminal, error.Kind);
        Assert.Contains("not a credits problem", error.Meaning, StringComparison.Ordinal);
        Assert.Equal(1, harness.Journal.Count(SimulatorEndpoint.RenderStart));
        JournalAssert.AttributionOnEveryRequest(harness.Journal, NemoProfiles.Best.SkillSource);
    }
}
