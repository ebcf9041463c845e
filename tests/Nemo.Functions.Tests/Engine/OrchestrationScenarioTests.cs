using System.Text.Json;
using Nemo.Conversions;
using Nemo.Simulator;

namespace Nemo.Functions.Tests.Engine;

/// <summary>
/// One set of orchestration scenarios, two engines: the Durable Task engine (as in Azure) and <c>nemo</c>'s local
/// runtime, each running the same orchestrators and activities over the same services, in real time, against the
/// simulator. A behaviour that differs between the engines fails here.
/// </summary>
public sealed class OrchestrationScenarioTests
{
    private const string Prompt = "animate this image with a slow zoom-in and leftward pan";
    private static readonly BinaryData Png = new(TestImages.Png(1280, 720));

    public static TheoryData<OrchestrationEngine> Engines => [OrchestrationEngine.Durable, OrchestrationEngine.Local];

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_conversion_saves_the_mp4_and_its_result_after_one_prompt_and_one_render(OrchestrationEngine engine)
    {
        await using var world = await AppOnEngine.StartAsync(engine);

        var id = await ConvertAsync(world, "harbor");
        var done = await world.WaitForEndAsync(id);

        Assert.Equal("succeeded", Output(done).GetProperty("status").GetString());
        Assert.Equal(["harbor.mp4", "harbor.result.json"], (await world.OutputsAsync()).Order(StringComparer.Ordinal));
        Assert.Equal(1, world.Count(SimulatorEndpoint.RunSse));
        Assert.Equal(1, world.Count(SimulatorEndpoint.RenderStart));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_session_lost_at_upload_starts_over_in_a_new_session_with_one_prompt(OrchestrationEngine engine)
    {
        await using var world = await AppOnEngine.StartAsync(engine);
        world.Simulator.Faults.Add(Fault.On(SimulatorEndpoint.Upload).SessionLost().Once());

        var done = await world.WaitForEndAsync(await ConvertAsync(world, "harbor"));

        var result = Output(done);
        Assert.Equal("succeeded", result.GetProperty("status").GetString());
        Assert.Contains(result.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("1002", StringComparison.Ordinal));
        Assert.Equal(2, world.Count(SimulatorEndpoint.CreateSession));
        Assert.Equal(1, world.Count(SimulatorEndpoint.RunSse));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Out_of_credits_fails_with_the_bind_link_and_renders_nothing(OrchestrationEngine engine)
    {
        await using var world = await AppOnEngine.StartAsync(engine);
        world.Simulator.Faults.Add(Fault.On(SimulatorEndpoint.RunSse).OutOfCredits());

        var done = await world.WaitForEndAsync(await ConvertAsync(world, "harbor"));

        var failure = Output(done).GetProperty("failure");
        Assert.Equal(2001, failure.GetProperty("nemoCode").GetInt32());
        Assert.Contains("http", failure.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, world.Count(SimulatorEndpoint.RenderStart));
        Assert.Equal(["harbor.result.json"], await world.OutputsAsync());
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_cancel_during_the_render_stops_it_and_saves_only_the_result(OrchestrationEngine engine)
    {
        await using var world = await AppOnEngine.StartAsync(engine, o => (o.RenderDurationMin, o.RenderDurationMax) = (TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10)));

        var id = await ConvertAsync(world, "harbor");
        await Polling.UntilAsync(() => world.Count(SimulatorEndpoint.RenderStart) > 0, AppOnEngine.ConversionTimeout);
        Assert.True(await world.Scheduler.CancelAsync(id, "changed my mind"));
        var done = await world.WaitForEndAsync(id);

        Assert.Equal("cancelled", Output(done).GetProperty("status").GetString());
        Assert.Equal(1, world.Count(SimulatorEndpoint.RenderCancel));
        Assert.Equal(["harbor.result.json"], await world.OutputsAsync());
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_batch_converts_each_item_as_a_child_and_sums_them_up(OrchestrationEngine engine)
    {
        await using var world = await AppOnEngine.StartAsync(engine);
        await world.Storage.Input.GetBlobClient("job/harbor.png").UploadAsync(Png, overwrite: true);
        await world.Storage.Input.GetBlobClient("job/garden.png").UploadAsync(Png, overwrite: true);
        var batch = new BatchRequest(
            "job",
            [new ConversionRequest("harbor", ["job/harbor.png"], Prompt, "best"), new ConversionRequest("garden", ["job/garden.png"], Prompt, "best")],
            Concurrency: 2);

        var id = InstanceIds.ForBatch("in", "job", "v1");
        Assert.True(await world.Scheduler.ScheduleAsync(ConversionWorkflow.Batch, id, batch));
        var done = await world.WaitForEndAsync(id);

        var summary = Output(done);
        Assert.Equal(2, summary.GetProperty("succeeded").GetInt32());
        Assert.Equal(0, summary.GetProperty("failed").GetInt32());
        Assert.Equal(2, world.Count(SimulatorEndpoint.RunSse));
        Assert.Equal(2, world.Count(SimulatorEndpoint.RenderStart));
        Assert.Contains("harbor.mp4", await world.OutputsAsync());
        Assert.Contains("garden.mp4", await world.OutputsAsync());
    }

    /// <summary>Puts <paramref name="name"/><c>.png</c> in the input container and schedules its conversion, as the blob trigger does.</summary>
    private static async Task<string> ConvertAsync(AppOnEngine world, string name)
    {
        var blob = name + ".png";
        await world.Storage.Input.GetBlobClient(blob).UploadAsync(Png, overwrite: true);
        var id = InstanceIds.ForSource("in", blob, "v1");
        Assert.True(await world.Scheduler.ScheduleAsync(ConversionWorkflow.Conversion, id, new ConversionRequest(name, [blob], Prompt, "best")));
        return id;
    }

    private static JsonElement Output(ConversionInstance? instance)
    {
        Assert.NotNull(instance);
        Assert.True(instance.Status == InstanceStatus.Completed, $"{instance.InstanceId} is {instance.Status}: {instance.Error}");
        return instance.Output!.Value;
    }
}
