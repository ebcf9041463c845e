using Nemo.Conversions;
using Nemo.Simulator;

namespace Nemo.Functions.Tests.Engine.Scenarios;

/// <summary>
/// How one conversion ends, whatever comes its way: success, an image that is not one, a transient failure, a lost
/// session, no credits, a failed render. Each runs on both engines (the two sealed classes below), so a behaviour that
/// differs between Azure and the local command fails a test.
/// </summary>
/// <param name="engine">The engine the scenarios run on.</param>
public abstract class ConversionScenarios(OrchestrationEngine engine) : EngineScenarios(engine)
{
    [Fact]
    public async Task A_conversion_saves_the_mp4_and_its_result_after_one_prompt_and_one_render()
    {
        await using var world = await AppOnEngine.StartAsync(Engine);

        var id = await Scenario.ConvertAsync(world, "coffee");
        var done = await world.WaitForEndAsync(id);

        Assert.Equal("succeeded", Scenario.Output(done).GetProperty("status").GetString());
        Assert.Equal(["coffee.mp4", "coffee.result.json"], (await world.OutputsAsync()).Order(StringComparer.Ordinal));
        Assert.Equal(1, world.Count(SimulatorEndpoint.RunSse));
        Assert.Equal(1, world.Count(SimulatorEndpoint.RenderStart));
    }

    [Fact]
    public async Task A_session_lost_at_upload_starts_over_in_a_new_session_with_one_prompt()
    {
        await using var world = await AppOnEngine.StartAsync(Engine);
        world.Simulator.Faults.Add(Fault.On(SimulatorEndpoint.Upload).SessionLost().Once());

        var done = await world.WaitForEndAsync(await Scenario.ConvertAsync(world, "coffee"));

        var result = Scenario.Output(done);
        Assert.Equal("succeeded", result.GetProperty("status").GetString());
        Assert.Contains(result.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("1002", StringComparison.Ordinal));
        Assert.Equal(2, world.Count(SimulatorEndpoint.CreateSession));
        Assert.Equal(1, world.Count(SimulatorEndpoint.RunSse));
    }

    [Fact]
    public async Task A_text_file_named_jpg_fails_at_validation_before_any_Nemo_call()
    {
        await using var world = await AppOnEngine.StartAsync(Engine);
        await world.Storage.Input.GetBlobClient("notes.jpg").UploadAsync(BinaryData.FromString("these are my notes, not a photo"), overwrite: true);

        var id = InstanceIds.ForSource("in", "notes.jpg", "v1");
        Assert.True(await world.Scheduler.ScheduleAsync(ConversionWorkflow.Conversion, id, new ConversionRequest("notes", ["notes.jpg"], Scenario.Prompt, "best")));
        var done = await world.WaitForEndAsync(id);

        var result = await world.ReadResultAsync("notes");
        Assert.Equal("failed", Scenario.Output(done).GetProperty("status").GetString());
        Assert.Equal("validate", result.GetProperty("failure").GetProperty("stage").GetString());
        Assert.Equal(["notes.result.json"], await world.OutputsAsync());
        Assert.Empty(world.Simulator.Journal.Entries);
    }

    [Fact]
    public async Task A_transient_upload_failure_is_retried_after_a_durable_backoff_with_one_prompt()
    {
        // No client-side retries: the failure reaches the orchestration, which retries the step on a durable timer.
        await using var world = await AppOnEngine.StartAsync(Engine, extraSettings: new Dictionary<string, string?> { ["Nemo:MaxRetries"] = "0" });
        world.Simulator.Faults.Add(Fault.On(SimulatorEndpoint.Upload).ServerError(503).Once());

        var done = await world.WaitForEndAsync(await Scenario.ConvertAsync(world, "coffee"));

        Assert.Equal("succeeded", Scenario.Output(done).GetProperty("status").GetString());
        Assert.Equal(2, world.Count(SimulatorEndpoint.Upload));
        Assert.Equal(1, world.Count(SimulatorEndpoint.RunSse));
        Assert.Equal(1, world.Count(SimulatorEndpoint.RenderStart));
    }

    [Fact]
    public async Task Out_of_credits_fails_with_the_bind_link_and_renders_nothing()
    {
        await using var world = await AppOnEngine.StartAsync(Engine);
        world.Simulator.Faults.Add(Fault.On(SimulatorEndpoint.RunSse).OutOfCredits());

        var done = await world.WaitForEndAsync(await Scenario.ConvertAsync(world, "coffee"));

        var failure = Scenario.Output(done).GetProperty("failure");
        Assert.Equal("terminal", failure.GetProperty("kind").GetString());
        Assert.Equal(2001, failure.GetProperty("nemoCode").GetInt32());
        Assert.Contains("http", failure.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, world.Count(SimulatorEndpoint.RunSse));
        Assert.Equal(0, world.Count(SimulatorEndpoint.RenderStart));
        Assert.Equal(["coffee.result.json"], await world.OutputsAsync());
    }

    [Fact]
    public async Task A_failed_render_is_rendered_again_once_from_the_same_draft_without_a_new_prompt()
    {
        await using var world = await AppOnEngine.StartAsync(Engine);
        world.Simulator.Faults.Add(Fault.On(SimulatorEndpoint.RenderStart).RenderFailed("encoder stopped unexpectedly").Once());

        var done = await world.WaitForEndAsync(await Scenario.ConvertAsync(world, "coffee"));

        var result = Scenario.Output(done);
        Assert.Equal("succeeded", result.GetProperty("status").GetString());
        Assert.Contains(result.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("retried once with a new render", StringComparison.Ordinal));
        Assert.Equal(1, world.Count(SimulatorEndpoint.RunSse));
        Assert.Equal(2, world.Count(SimulatorEndpoint.RenderStart));
        Assert.Equal(["coffee.mp4", "coffee.result.json"], (await world.OutputsAsync()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_render_Nemo_no_longer_knows_is_exported_again_from_the_same_draft_without_a_new_prompt()
    {
        await using var world = await AppOnEngine.StartAsync(Engine);
        world.Simulator.Faults.Add(Fault.On(SimulatorEndpoint.RenderStatus).NemoError(404, "Render not found").Once());

        var done = await world.WaitForEndAsync(await Scenario.ConvertAsync(world, "coffee"));

        var result = Scenario.Output(done);
        Assert.Equal("succeeded", result.GetProperty("status").GetString());
        Assert.Contains(result.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("no longer knew render", StringComparison.Ordinal));
        Assert.Equal(1, world.Count(SimulatorEndpoint.RunSse));
        Assert.Equal(2, world.Count(SimulatorEndpoint.RenderStart));
        Assert.Equal(["coffee.mp4", "coffee.result.json"], (await world.OutputsAsync()).Order(StringComparer.Ordinal));
    }
}

/// <summary>The scenarios on the Durable Task engine, as in Azure.</summary>
public sealed class ConversionScenariosOnDurable() : ConversionScenarios(OrchestrationEngine.Durable);

/// <summary>The scenarios on <c>nemo</c>'s local runtime.</summary>
public sealed class ConversionScenariosOnLocalRuntime() : ConversionScenarios(OrchestrationEngine.Local);
