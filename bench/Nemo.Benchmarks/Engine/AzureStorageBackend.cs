using System.Text.Json;
using DurableTask.AzureStorage;
using DurableTask.Core.History;
using Nemo.Functions.Tests.Engine;

namespace Nemo.Benchmarks.Engine;

/// <summary>
/// The backend Durable Functions uses by default, DurableTask.AzureStorage, on Azurite: a task hub of its own (queues,
/// instance and history tables, leases), one partition, queues polled at least every second (<see cref="AzureStorageTaskHub"/>). The history is the
/// backend's own: <see cref="AzureStorageOrchestrationService.GetOrchestrationHistoryAsync"/> reads the history table.
/// </summary>
internal sealed class AzureStorageBackend : EngineBackend
{
    private readonly AzureStorageOrchestrationService _service;

    private AzureStorageBackend(AzureStorageOrchestrationService service) => _service = service;

    public override string Name => "engine, Azure Storage";

    /// <summary>Creates a fresh task hub (as the engine tests do) on the storage account of <paramref name="connectionString"/>.</summary>
    public static async Task<AzureStorageBackend> CreateAsync(string connectionString)
    {
        var service = new AzureStorageTaskHub(connectionString).Open(workerId: "bench");
        try
        {
            await service.CreateIfNotExistsAsync();
            return new AzureStorageBackend(service);
        }
        catch
        {
            service.Dispose();
            throw;
        }
    }

    public override Task<DurableSidecar> StartEngineAsync(CancellationToken cancellationToken) =>
        DurableSidecar.StartAsync(_service, cancellationToken);

    public override async Task<IReadOnlyList<EventType>> ReadHistoryAsync(string instanceId, CancellationToken cancellationToken)
    {
        var states = await _service.GetOrchestrationStateAsync(instanceId, allExecutions: false);
        var executionId = states.Single().OrchestrationInstance.ExecutionId;

        // A JSON array of the history table's events (Newtonsoft's default shape: EventType as its number).
        using var history = JsonDocument.Parse(await _service.GetOrchestrationHistoryAsync(instanceId, executionId));
        return [.. history.RootElement.EnumerateArray().Select(historyEvent => (EventType)historyEvent.GetProperty(nameof(HistoryEvent.EventType)).GetInt32())];
    }

    public override ValueTask DisposeAsync()
    {
        _service.Dispose();
        return ValueTask.CompletedTask;
    }
}
