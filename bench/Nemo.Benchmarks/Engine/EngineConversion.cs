using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.DurableTask.Client;
using Nemo.Benchmarks.Pipeline;
using Nemo.Functions.Tests.Engine;
using Nemo.Simulator;

namespace Nemo.Benchmarks.Engine;

/// <summary>
/// One conversion on the real Durable Task engine: the Functions app's own orchestrator and activity functions on a
/// <see cref="DurableSidecar"/> over a given backend, containers of its own on Azurite, a simulator of its
/// own; entered as Event Grid enters it, through the blob trigger, with the sample image uploaded to the input container.
/// </summary>
internal static class EngineConversion
{
    public static async Task<ConversionFigures> RunAsync(
        EngineBackend backend, string storageConnectionString, RenderLength render, CancellationToken cancellationToken)
    {
        await using var simulator = await NemoSimulator.StartAsync(EngineBenchmark.SimulatorOptionsFor(render), cancellationToken);
        var containers = new Containers(Guid.NewGuid().ToString("N")[..12]);
        var input = new BlobServiceClient(storageConnectionString).GetBlobContainerClient(containers.Input);
        await input.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await using var engine = await backend.StartEngineAsync(cancellationToken);
        await using var app = await FunctionsAppHost.StartAsync(
            engine, Settings(storageConnectionString, containers, simulator.BaseAddress), cancellationToken: cancellationToken);

        var blob = input.GetBlobClient(Path.GetFileName(SampleImage.Path));
        await blob.UploadAsync(SampleImage.Path, cancellationToken);
        var triggeredAt = TimeProvider.System.GetUtcNow();
        await app.TriggerBlobCreatedAsync(blob, cancellationToken);
        var instanceId = await TheOneInstanceAsync(app.Client, cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(EngineBenchmark.ConversionTimeout);
        var done = await app.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
        var history = await backend.ReadHistoryAsync(instanceId, cancellationToken);

        // The engine's own completion time: waiting on Azure Storage polls the instance table, which would add its interval.
        return ConversionFigures.From(
            backend.Name, render, Succeeded(done), done.LastUpdatedAt - triggeredAt, simulator, history.Select(type => type.ToString()));
    }

    /// <summary>The app's settings, as <c>local.settings.json</c> would give them (<c>:</c> for <c>__</c>).</summary>
    private static Dictionary<string, string?> Settings(string storageConnectionString, Containers containers, Uri nemo) => new(StringComparer.OrdinalIgnoreCase)
    {
        ["AzureWebJobsStorage"] = storageConnectionString,
        ["NemoStorage:InputContainer"] = containers.Input,
        ["NemoStorage:OutputContainer"] = containers.Output,
        ["NemoStorage:StateContainer"] = containers.State,
        ["Nemo:BaseAddress"] = nemo.ToString(),
        ["Nemo:ClientId"] = "nemo-benchmarks",
        ["BlobTrigger:Prompt"] = EngineBenchmark.Prompt,
    };

    private static async Task<string> TheOneInstanceAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await foreach (var instance in client.GetAllInstancesAsync(new OrchestrationQuery()).WithCancellation(cancellationToken))
        {
            ids.Add(instance.InstanceId);
        }

        return ids is [var id] ? id : throw new InvalidOperationException($"The blob trigger started {ids.Count} instances, not one.");
    }

    private static bool Succeeded(OrchestrationMetadata instance)
    {
        if (instance.RuntimeStatus != OrchestrationRuntimeStatus.Completed || instance.SerializedOutput is not { } output)
        {
            Console.Error.WriteLine($"{instance.InstanceId} ended {instance.RuntimeStatus}: {instance.FailureDetails}");
            return false;
        }

        using var result = JsonDocument.Parse(output);
        return result.RootElement.GetProperty("status").GetString() == "succeeded";
    }

    /// <summary>Container names of one conversion's own (the output and state containers are created by the app).</summary>
    private sealed record Containers(string Suffix)
    {
        public string Input => "bench-in-" + Suffix;

        public string Output => "bench-out-" + Suffix;

        public string State => "bench-state-" + Suffix;
    }
}
