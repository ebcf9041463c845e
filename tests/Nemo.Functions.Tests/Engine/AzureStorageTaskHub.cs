using DurableTask.AzureStorage;

namespace Nemo.Functions.Tests.Engine;

/// <summary>
/// The backend Durable Functions uses by default: DurableTask.AzureStorage's <see cref="AzureStorageOrchestrationService"/>
/// (queues, tables and blob leases) on the test run's Azurite, one task hub per scenario. The timings are the ones the
/// production-backend facts in <c>DESIGN.md</c> were measured with: queues polled at least every second, and a lease
/// that a dead worker held passes to a new one in seconds rather than the default half minute.
/// </summary>
internal sealed class AzureStorageTaskHub(string connectionString)
{
    /// <summary>Task hub names are 3–45 letters and digits, starting with a letter.</summary>
    public string Name { get; } = "nemo" + Guid.NewGuid().ToString("N");

    /// <summary>
    /// A new engine instance on this task hub, as a new Functions host would start one: its own <paramref name="workerId"/>,
    /// the same queues, history and instance tables.
    /// </summary>
    public AzureStorageOrchestrationService Open(string workerId) => new(new AzureStorageOrchestrationServiceSettings
    {
        StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
        TaskHubName = Name,
        WorkerId = workerId,
        PartitionCount = 1,
        MaxQueuePollingInterval = TimeSpan.FromSeconds(1),
        LeaseInterval = TimeSpan.FromSeconds(6),
        LeaseRenewInterval = TimeSpan.FromSeconds(2),
        LeaseAcquireInterval = TimeSpan.FromSeconds(2),
    });
}
