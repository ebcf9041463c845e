using System.Text.Json;
using Microsoft.DurableTask.Client;
using Nemo.Conversions;
using Nemo.Simulator;

namespace Nemo.Functions.Tests.Engine;

/// <summary>
/// The Functions app's own functions on the real Durable Task engine, entered through the app's entry points (the
/// blob trigger, the HTTP API), against Azurite and the simulator. Each asserts what Nemo was asked (prompts, renders)
/// and what was written. What the orchestrations do once started (failures, retries, cancels, batches, refinements)
/// is <c>Engine/Scenarios/</c>, on both engines.
/// </summary>
public sealed class AppOnEngineTests
{
    private static readonly BinaryData Png = new(TestImages.Png(1280, 720));
    private static readonly string[] StageOrder = ["validate", "session", "upload", "prompt", "draft", "render", "wait", "save", "result"];

    [Fact]
    public async Task A_dropped_image_becomes_an_mp4_and_a_result_in_the_output_container()
    {
        await using var world = await AppOnEngine.StartAsync();

        await world.DropAsync("coffee.png", Png);
        var instance = Assert.Single(await world.InstancesAsync());
        var (done, stages) = await world.App.WaitForCompletionAsync(instance.InstanceId, AppOnEngine.ConversionTimeout);

        AssertCompleted(done);
        Assert.Equal("succeeded", JsonDocument.Parse(done.SerializedOutput!).RootElement.GetProperty("status").GetString());
        Assert.Equal(["coffee.mp4", "coffee.result.json"], (await world.OutputsAsync()).Order(StringComparer.Ordinal));
        var result = await world.ReadResultAsync("coffee");
        Assert.Equal("succeeded", result.GetProperty("status").GetString());
        Assert.Equal(instance.InstanceId, result.GetProperty("id").GetString());
        Assert.Contains("wait", stages);
        var order = stages.Select(s => Array.IndexOf(StageOrder, s)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
        Assert.Equal(1, world.Count(SimulatorEndpoint.RunSse));
        Assert.Equal(1, world.Count(SimulatorEndpoint.RenderStart));
        var mp4 = world.Storage.Output.GetBlobClient("coffee.mp4");
        Assert.Equal(result.GetProperty("outputBytes").GetInt64(), (await mp4.GetPropertiesAsync()).Value.ContentLength);
    }

    [Fact]
    public async Task The_same_blob_event_delivered_twice_is_one_instance_and_one_prompt()
    {
        await using var world = await AppOnEngine.StartAsync();

        var blob = await world.DropAsync("chelsea.png", Png);
        await world.App.TriggerBlobCreatedAsync(blob);
        var instance = Assert.Single(await world.InstancesAsync());
        await world.App.TriggerBlobCreatedAsync(blob);
        var (done, _) = await world.App.WaitForCompletionAsync(instance.InstanceId, AppOnEngine.ConversionTimeout);
        await world.App.TriggerBlobCreatedAsync(blob);

        AssertCompleted(done);
        Assert.Single(await world.InstancesAsync());
        Assert.Equal(1, world.Count(SimulatorEndpoint.RunSse));
        Assert.Equal(1, world.Count(SimulatorEndpoint.RenderStart));
    }

    [Fact]
    public async Task A_cancel_through_the_HTTP_API_during_the_render_stops_it_and_saves_nothing()
    {
        // Renders that take long enough for the cancel to land while the orchestration waits on its timer.
        await using var world = await AppOnEngine.StartAsync(o => (o.RenderDurationMin, o.RenderDurationMax) = (TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10)));

        await world.DropAsync("coffee.png", Png);
        var id = Assert.Single(await world.InstancesAsync()).InstanceId;
        await Polling.UntilAsync(() => world.Count(SimulatorEndpoint.RenderStart) > 0, TimeSpan.FromSeconds(60));
        var cancel = await world.App.InvokeHttpAsync((f, request, client) => f.CancelAsync(request, client, id));
        var (done, _) = await world.App.WaitForCompletionAsync(id, AppOnEngine.ConversionTimeout);

        Assert.Equal(202, cancel.Status);
        AssertCompleted(done);
        Assert.Equal("cancelled", (await world.ReadResultAsync("coffee")).GetProperty("status").GetString());
        Assert.Equal(1, world.Count(SimulatorEndpoint.RenderCancel));
        Assert.Equal(["coffee.result.json"], await world.OutputsAsync());
        var get = await world.App.InvokeHttpAsync((f, request, client) => f.GetAsync(request, client, id));
        Assert.Equal("cancelled", get.Body?.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_multipart_POST_to_the_HTTP_API_is_converted_the_same_Idempotency_Key_starts_nothing_more_and_another_body_under_it_is_refused()
    {
        await using var world = await AppOnEngine.StartAsync();

        var created = await world.App.InvokeHttpAsync((f, request, client) => f.CreateAsync(request, client), r => Multipart(r, "key-coffee"));
        var id = created.Body?.GetProperty("id").GetString();
        Assert.NotNull(id);
        var (done, _) = await world.App.WaitForCompletionAsync(id, AppOnEngine.ConversionTimeout);
        var again = await world.App.InvokeHttpAsync((f, request, client) => f.CreateAsync(request, client), r => Multipart(r, "key-coffee"));
        var reused = await world.App.InvokeHttpAsync((f, request, client) => f.CreateAsync(request, client), r => Multipart(r, "key-coffee", "make it a fast spin instead"));
        var resource = await world.App.InvokeHttpAsync((f, request, client) => f.GetAsync(request, client, id));

        Assert.Equal(202, created.Status);
        Assert.Equal("/api/conversions/" + id, created.Location);
        AssertCompleted(done);
        Assert.Equal(id, again.Body?.GetProperty("id").GetString());
        Assert.Equal(422, reused.Status);
        Assert.Contains("'key-coffee'", reused.Body?.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(200, resource.Status);
        Assert.Equal("succeeded", resource.Body?.GetProperty("status").GetString());
        Assert.Single(await world.InstancesAsync());
        Assert.Contains("coffee.mp4", await world.OutputsAsync());
        Assert.Equal(1, world.Count(SimulatorEndpoint.RunSse));
        Assert.Equal(1, world.Count(SimulatorEndpoint.RenderStart));
    }

    [Fact]
    public async Task A_job_folder_is_a_batch_of_conversions_with_a_summary()
    {
        await using var world = await AppOnEngine.StartAsync();
        await world.Storage.Input.UploadBlobAsync("trip/a.png", Png);
        await world.Storage.Input.UploadBlobAsync("trip/b.png", Png);

        await world.DropAsync("trip/job.json", BinaryData.FromString("""
            { "concurrency": 2, "items": [
              { "images": ["a.png"], "prompt": "a slow zoom into the first photo" },
              { "images": ["b.png"], "prompt": "a gentle pan across the second photo" } ] }
            """));
        var batch = Assert.Single(await world.InstancesAsync(), i => i.Name == ConversionWorkflow.Batch);
        var (done, _) = await world.App.WaitForCompletionAsync(batch.InstanceId, AppOnEngine.ConversionTimeout * 2);

        AssertCompleted(done);
        var outputs = await world.OutputsAsync();
        Assert.True(outputs.Count(o => o.EndsWith(".mp4", StringComparison.Ordinal)) == 2, string.Join(", ", outputs) + " " + done.SerializedOutput);
        Assert.Equal(2, world.Count(SimulatorEndpoint.RunSse));
        Assert.Equal(2, world.Count(SimulatorEndpoint.RenderStart));
        Assert.Equal(3, (await world.InstancesAsync()).Count);
    }

    /// <summary>A multipart <c>POST /api/conversions</c>: one PNG, a prompt and an <c>Idempotency-Key</c>.</summary>
    private static void Multipart(Microsoft.AspNetCore.Http.HttpRequest request, string idempotencyKey, string prompt = "animate this image with a slow zoom-in and leftward pan")
    {
        using var content = new MultipartFormDataContent("engine-test-boundary");
        content.Add(new StringContent(prompt), "prompt");
        var image = new ByteArrayContent(Png.ToArray());
        image.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        content.Add(image, "images", "coffee.png");
        var body = new MemoryStream();
        content.CopyTo(body, null, CancellationToken.None);
        body.Position = 0;
        request.Method = "POST";
        request.ContentType = content.Headers.ContentType!.ToString();
        request.Headers["Idempotency-Key"] = idempotencyKey;
        request.Body = body;
    }

    /// <summary>Completed, or a failure that shows the orchestration's own error.</summary>
    private static void AssertCompleted(OrchestrationMetadata instance) =>
        Assert.True(
            instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed,
            $"{instance.Name} {instance.InstanceId} is {instance.RuntimeStatus}: {instance.FailureDetails}");
}
