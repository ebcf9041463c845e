using DurableTask.Core.History;
using Nemo.Functions.Tests.Engine;

namespace Nemo.Benchmarks.Engine;

/// <summary>
/// The test host's in-memory backend. It keeps each instance's history but does not hand it out
/// (<c>GetOrchestrationHistoryAsync</c> throws <see cref="NotImplementedException"/>), so the history is read from
/// <see cref="HistoryRecordingInMemoryService"/>: the same events the engine asked it to persist.
/// </summary>
internal sealed class InMemoryBackend : EngineBackend
{
    private readonly HistoryRecordingInMemoryService _service = new();

    public override string Name => "engine, in-memory";

    public override Task<DurableSidecar> StartEngineAsync(CancellationToken cancellationToken) =>
        DurableSidecar.StartAsync(_service, cancellationToken);

    public override Task<IReadOnlyList<EventType>> ReadHistoryAsync(string instanceId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<EventType>>([.. _service.HistoryOf(instanceId).Select(historyEvent => historyEvent.EventType)]);

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
