using System.Text.Json;
using Microsoft.DurableTask.Client;
using Nemo.Simulator;

namespace Nemo.Functions.Tests.Engine;

/// <summary>
/// The app on the backend Durable Functions uses by default — DurableTask.AzureStorage on Azurite — through a crash:
/// whatever was paid for before the worker died is not paid for again by the one that takes over.
/// </summary>
public sealed class AzureStorageCrashTests
{
    private static readonly BinaryData Png = new(TestImages.Png(1280, 720));

    [Fact]
    public async Task A_worker_that_dies_while_the_render_is_polled_is_replaced_and_the_conversion_completes_with_one_prompt_and_one_render()
    {
        // The render outlasts the profile's first check (30 s away): about 36 s real at the simulator's time scale.
        await using var world = await AppOnEngine.StartOnAzureStorageAsync(o => o.RenderDurationMin = o.RenderDurationMax = TimeSpan.FromSeconds(36 / o.TimeScale));

        await world.DropAsync("coffee.png", Png);
        var id = Assert.Single(await world.InstancesAsync()).InstanceId;

        // The status is written in the same episode that schedules the next durable timer: once it shows the progress
        // the first check read, the render is being polled and the next check waits in the task hub's queue.
        var started = await Polling.UntilAsync(() => ProgressAsync(world.Client, id), p => p is not null, AppOnEngine.ConversionTimeout);
        Assert.Equal(0, world.Count(SimulatorEndpoint.RenderStatus));
        await Polling.UntilAsync(() => ProgressAsync(world.Client, id), p => p > started, AppOnEngine.ConversionTimeout);
        var statusChecksBeforeCrash = world.Count(SimulatorEndpoint.RenderStatus);
        await world.CrashAndRestartAsync();
        var (done, _) = await world.App.WaitForCompletionAsync(id, AppOnEngine.ConversionTimeout);

        Assert.True(done.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{id} is {done.RuntimeStatus}: {done.FailureDetails}");
        var result = await world.ReadResultAsync("coffee");
        Assert.True(result.GetProperty("status").GetString() == "succeeded", result.ToString());
        Assert.Equal(["coffee.mp4", "coffee.result.json"], (await world.OutputsAsync()).Order(StringComparer.Ordinal));
        Assert.Equal(1, world.Count(SimulatorEndpoint.CreateSession));
        Assert.Equal(1, world.Count(SimulatorEndpoint.RunSse));
        Assert.Equal(1, world.Count(SimulatorEndpoint.RenderStart));
        Assert.True(world.Count(SimulatorEndpoint.RenderStatus) > statusChecksBeforeCrash, "the new worker went on polling the render");
        Assert.False(Assert.Single(world.Simulator.Renders).Cancelled);
    }

    /// <summary>The render progress in the conversion's custom status while it waits on the render; null before.</summary>
    private static async Task<int?> ProgressAsync(DurableTaskClient client, string instanceId) =>
        await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true) is { SerializedCustomStatus: { } status }
        && JsonDocument.Parse(status).RootElement is var progress
        && progress.GetProperty("stage").GetString() == "wait"
        && progress.TryGetProperty("renderProgress", out var percent) && percent.ValueKind == JsonValueKind.Number
            ? percent.GetInt32()
            : null;
}
