using System.Text.Json;
using Nemo.Conversions;
using Nemo.Simulator;

namespace Nemo.Functions.Tests.Engine.Scenarios;

/// <summary>
/// Conversions steered from outside or composed: a cancel during the render, a cancel after it finished, a refinement
/// in the same session, a batch of children. Each runs on both engines (the two sealed classes below).
/// </summary>
/// <param name="engine">The engine the scenarios run on.</param>
public abstract class ControlScenarios(OrchestrationEngine engine) : EngineScenarios(engine)
{
    [Fact]
    public async Task A_cancel_during_the_render_stops_it_and_saves_only_the_result()
    {
        await using var world = await AppOnEngine.StartAsync(Engine, o => (o.RenderDurationMin, o.RenderDurationMax) = (TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10)));

        var id = await Scenario.ConvertAsync(world, "coffee");
        await Polling.UntilAsync(() => world.Count(SimulatorEndpoint.RenderStart) > 0, AppOnEngine.ConversionTimeout);
        Assert.True(await world.Scheduler.CancelAsync(id, "changed my mind"));
        var done = await world.WaitForEndAsync(id);

        Assert.Equal("cancelled", Scenario.Output(done).GetProperty("status").GetString());
        Assert.Equal(1, world.Count(SimulatorEndpoint.RenderCancel));
        Assert.Equal(["coffee.result.json"], await world.OutputsAsync());
    }

    [Fact]
    public async Task A_cancel_that_lands_after_the_render_finished_keeps_the_paid_render()
    {
        // The render finishes at once in the simulator; the orchestration's first check is the profile's typical 30 s
        // away, so the cancel lands while it waits, and only Nemo's refusal (409) says the render is done.
        await using var world = await AppOnEngine.StartAsync(Engine, o => (o.RenderDurationMin, o.RenderDurationMax) = (TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));

        var id = await Scenario.ConvertAsync(world, "coffee");
        await Polling.UntilAsync(
            () => world.Simulator.Renders is [{ FinalAt: { } final }] && final <= world.Simulator.Clock.GetUtcNow(),
            TimeSpan.FromSeconds(60));
        Assert.Equal(0, world.Count(SimulatorEndpoint.RenderStatus));
        Assert.True(await world.Scheduler.CancelAsync(id, "changed my mind"));
        var done = await world.WaitForEndAsync(id);

        var result = Scenario.Output(done);
        Assert.Equal("succeeded", result.GetProperty("status").GetString());
        Assert.Contains(result.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("too late", StringComparison.Ordinal));
        Assert.Equal(["coffee.mp4", "coffee.result.json"], (await world.OutputsAsync()).Order(StringComparer.Ordinal));
        Assert.Equal(1, world.Count(SimulatorEndpoint.RenderCancel));
        Assert.Equal(1, world.Count(SimulatorEndpoint.RenderStart));
        Assert.False(Assert.Single(world.Simulator.Renders).Cancelled);
    }

    [Fact]
    public async Task A_retry_of_a_cancelled_conversion_renders_its_draft_in_its_session_with_no_second_prompt()
    {
        await using var world = await AppOnEngine.StartAsync(Engine, o => (o.RenderDurationMin, o.RenderDurationMax) = (TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10)));
        var id = await Scenario.ConvertAsync(world, "coffee");
        await Polling.UntilAsync(() => world.Count(SimulatorEndpoint.RenderStart) > 0, AppOnEngine.ConversionTimeout);
        Assert.True(await world.Scheduler.CancelAsync(id, "changed my mind"));
        var cancelled = Scenario.Output(await world.WaitForEndAsync(id)).Deserialize<ConversionResult>(ConversionJson.Options)!;
        Assert.True(cancelled.SessionPrompted);
        world.Simulator.Options.RenderDurationMin = world.Simulator.Options.RenderDurationMax = TimeSpan.FromSeconds(1);

        var retryId = InstanceIds.ForAttempt(id, 2);
        var retry = new ConversionRequest("coffee", ["coffee.png"], Scenario.Prompt, "best") { Retrying = EarlierAttempt.From(cancelled) };
        Assert.True(await world.Scheduler.ScheduleAsync(ConversionWorkflow.Conversion, retryId, retry));
        var result = Scenario.Output(await world.WaitForEndAsync(retryId));

        Assert.Equal("succeeded", result.GetProperty("status").GetString());
        Assert.Equal(id, result.GetProperty("retryOf").GetString());
        Assert.Equal(cancelled.SessionId, result.GetProperty("sessionId").GetString());
        Assert.Equal(1, world.Count(SimulatorEndpoint.CreateSession));
        Assert.Equal(1, world.Count(SimulatorEndpoint.RunSse));
        Assert.Equal(2, world.Count(SimulatorEndpoint.RenderStart));
        Assert.Equal(["coffee.mp4", "coffee.result.json"], (await world.OutputsAsync()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_iteration_refines_a_finished_conversion_in_the_same_session()
    {
        await using var world = await AppOnEngine.StartAsync(Engine);
        Scenario.Output(await world.WaitForEndAsync(await Scenario.ConvertAsync(world, "coffee")));

        const string id = "coffee-v2";
        Assert.True(await world.Scheduler.ScheduleAsync(ConversionWorkflow.Iteration, id, new IterationRequest("coffee", "make the zoom slower and add warm light")));
        var done = await world.WaitForEndAsync(id);

        var result = Scenario.Output(done);
        Assert.Equal("succeeded", result.GetProperty("status").GetString());
        Assert.Equal(2, result.GetProperty("version").GetInt32());
        Assert.Contains("coffee.v2.mp4", await world.OutputsAsync());
        Assert.Equal(1, world.Count(SimulatorEndpoint.CreateSession));
        Assert.Equal(1, world.Count(SimulatorEndpoint.Upload));
        Assert.Equal(2, world.Count(SimulatorEndpoint.RunSse));
        Assert.Equal(2, world.Count(SimulatorEndpoint.RenderStart));
    }

    [Fact]
    public async Task A_batch_converts_each_item_as_a_child_and_sums_them_up()
    {
        await using var world = await AppOnEngine.StartAsync(Engine);
        var batch = await Scenario.TwoItemBatchAsync(world, "coffee", "chelsea");

        var id = InstanceIds.ForBatch("in", "job", "v1");
        Assert.True(await world.Scheduler.ScheduleAsync(ConversionWorkflow.Batch, id, batch));
        var done = await world.WaitForEndAsync(id);

        var summary = Scenario.Output(done);
        Assert.Equal(2, summary.GetProperty("succeeded").GetInt32());
        Assert.Equal(0, summary.GetProperty("failed").GetInt32());
        Assert.Equal(2, world.Count(SimulatorEndpoint.RunSse));
        Assert.Equal(2, world.Count(SimulatorEndpoint.RenderStart));
        Assert.Contains("coffee.mp4", await world.OutputsAsync());
        Assert.Contains("chelsea.mp4", await world.OutputsAsync());
    }

    [Fact]
    public async Task A_batch_the_credits_cannot_pay_for_starts_nothing_and_its_summary_says_why()
    {
        await using var world = await AppOnEngine.StartAsync(Engine, o => o.StartingCredits = 150);
        var batch = await Scenario.TwoItemBatchAsync(world, "job/coffee", "job/chelsea");

        var id = InstanceIds.ForBatch("in", "job", "poor");
        Assert.True(await world.Scheduler.ScheduleAsync(ConversionWorkflow.Batch, id, batch));
        var done = await world.WaitForEndAsync(id);

        var summary = Scenario.Output(done);
        Assert.Contains("need about 200 credits", summary.GetProperty("refused").GetString(), StringComparison.Ordinal);
        Assert.Contains("has 150 available", summary.GetProperty("refused").GetString(), StringComparison.Ordinal);
        Assert.Equal(["job/summary.json"], await world.OutputsAsync());
        Assert.Equal(0, world.Count(SimulatorEndpoint.CreateSession));
        Assert.Equal(0, world.Count(SimulatorEndpoint.RunSse));
    }
}

/// <summary>The scenarios on the Durable Task engine, as in Azure.</summary>
public sealed class ControlScenariosOnDurable() : ControlScenarios(OrchestrationEngine.Durable);

/// <summary>The scenarios on <c>nemo</c>'s local runtime.</summary>
public sealed class ControlScenariosOnLocalRuntime() : ControlScenarios(OrchestrationEngine.Local);
