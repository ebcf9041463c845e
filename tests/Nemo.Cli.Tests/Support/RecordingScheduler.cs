using System.Collections.Concurrent;
using Nemo.Conversions;

namespace Nemo.Cli.Tests.Support;

/// <summary>An <see cref="IConversionScheduler"/> that records what is scheduled (same id twice = one instance).</summary>
internal sealed class RecordingScheduler : IConversionScheduler
{
    private readonly ConcurrentDictionary<string, bool> _ids = new();

    public ConcurrentQueue<(string Orchestrator, string InstanceId, object Input)> Calls { get; } = new();

    public Task<bool> ScheduleAsync(string orchestratorName, string instanceId, object input, CancellationToken cancellationToken = default)
    {
        if (!_ids.TryAdd(instanceId, true))
        {
            return Task.FromResult(false);
        }

        Calls.Enqueue((orchestratorName, instanceId, input));
        return Task.FromResult(true);
    }

    public Task<ConversionInstance?> GetAsync(string instanceId, CancellationToken cancellationToken = default) => Task.FromResult<ConversionInstance?>(null);

    public Task<IReadOnlyList<ConversionInstance>> ListAsync(int maxCount = 100, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ConversionInstance>>([]);

    public Task<bool> CancelAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) => Task.FromResult(false);
}
