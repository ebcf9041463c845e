using DurableTask.Core.History;
using Nemo.Functions.Tests.Engine;

namespace Nemo.Benchmarks.Engine;

/// <summary>
/// A Durable Task backend (an <see cref="DurableTask.Core.IOrchestrationService"/>) under the engine, and how the
/// benchmark reads the history it persisted for an instance.
/// </summary>
internal abstract class EngineBackend : IAsyncDisposable
{
    /// <summary>How the benchmark's tables name it.</summary>
    public abstract string Name { get; }

    /// <summary>Starts the engine (<see cref="DurableSidecar"/>) over this backend.</summary>
    public abstract Task<DurableSidecar> StartEngineAsync(CancellationToken cancellationToken);

    /// <summary>The type of every history event persisted for <paramref name="instanceId"/>, in order.</summary>
    public abstract Task<IReadOnlyList<EventType>> ReadHistoryAsync(string instanceId, CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();
}
