using System.Text.Json;
using Nemo.Conversions;

namespace Nemo.Functions.Tests.Engine.Scenarios;

/// <summary>
/// What the orchestration scenarios share. The scenarios are one set of tests, two engines: the Durable Task engine (as
/// in Azure) and <c>nemo</c>'s local runtime, each running the same orchestrators and activities over the app's own
/// services, in real time, against the simulator. Each scenario class is abstract, with one sealed class per engine,
/// so the engines' runs are separate classes that run in parallel.
/// </summary>
internal static class Scenario
{
    public const string Prompt = "animate this image with a slow zoom-in and leftward pan";

    public static readonly BinaryData Png = new(TestImages.Png(1280, 720));

    /// <summary>Puts <paramref name="name"/><c>.png</c> in the input container and schedules its conversion, as the blob trigger does.</summary>
    public static async Task<string> ConvertAsync(AppOnEngine world, string name)
    {
        var blob = name + ".png";
        await world.Storage.Input.GetBlobClient(blob).UploadAsync(Png, overwrite: true);
        var id = InstanceIds.ForSource("in", blob, "v1");
        Assert.True(await world.Scheduler.ScheduleAsync(ConversionWorkflow.Conversion, id, new ConversionRequest(name, [blob], Prompt, "best")));
        return id;
    }

    /// <summary>Puts two PNGs in the input container's <c>job/</c> folder: a batch of two items, both running at once.</summary>
    public static async Task<BatchRequest> TwoItemBatchAsync(AppOnEngine world, string first, string second)
    {
        await world.Storage.Input.GetBlobClient("job/coffee.png").UploadAsync(Png, overwrite: true);
        await world.Storage.Input.GetBlobClient("job/chelsea.png").UploadAsync(Png, overwrite: true);
        return new BatchRequest(
            "job",
            [new ConversionRequest(first, ["job/coffee.png"], Prompt, "best"), new ConversionRequest(second, ["job/chelsea.png"], Prompt, "best")],
            Concurrency: 2);
    }

    public static JsonElement Output(ConversionInstance? instance)
    {
        Assert.NotNull(instance);
        Assert.True(instance.Status == InstanceStatus.Completed, $"{instance.InstanceId} is {instance.Status}: {instance.Error}");
        return instance.Output!.Value;
    }
}

/// <summary>A class of scenarios: each starts its world on <see cref="Engine"/>.</summary>
/// <param name="engine">The engine the scenarios run on.</param>
public abstract class EngineScenarios(OrchestrationEngine engine)
{
    /// <summary>The engine every scenario of the class starts its world on.</summary>
    protected OrchestrationEngine Engine { get; } = engine;
}
