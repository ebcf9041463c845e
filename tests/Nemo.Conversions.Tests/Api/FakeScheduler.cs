using System.Collections.Concurrent;
using System.Text.Json;

namespace Nemo.Conversions.Tests.Api;

/// <summary>An <see cref="IConversionScheduler"/> that records what it was asked and serves instances set by the test.</summary>
internal sealed class FakeScheduler : IConversionScheduler
{
    private static readonly DateTime Created = new(2025, 6, 1, 9, 0, 0, DateTimeKind.Utc);

    private readonly ConcurrentDictionary<string, ConversionInstance> _instances = new(StringComparer.Ordinal);

    public List<(string Orchestrator, string InstanceId, object Input)> Scheduled { get; } = [];

    public List<(string InstanceId, string? Reason)> Cancelled { get; } = [];

    public bool CancelResult { get; set; } = true;

    public void Set(ConversionInstance instance) => _instances[instance.InstanceId] = instance;

    public static ConversionInstance Instance(
        string id, InstanceStatus status, object? customStatus = null, object? output = null, string? error = null) =>
        new(id, "Conversion", status, Created, Created.AddSeconds(5), ToJson(customStatus), ToJson(output), error);

    public Task<bool> ScheduleAsync(string orchestratorName, string instanceId, object input, CancellationToken cancellationToken = default)
    {
        Scheduled.Add((orchestratorName, instanceId, input));
        return Task.FromResult(_instances.TryAdd(instanceId, Instance(instanceId, InstanceStatus.Pending)));
    }

    public Task<ConversionInstance?> GetAsync(string instanceId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_instances.TryGetValue(instanceId, out var instance) ? instance : null);

    public Task<IReadOnlyList<ConversionInstance>> ListAsync(int maxCount = 100, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ConversionInstance>>([.. _instances.Values.OrderBy(i => i.InstanceId, StringComparer.Ordinal).Take(maxCount)]);

    public Task<bool> CancelAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default)
    {
        Cancelled.Add((instanceId, reason));
        return Task.FromResult(CancelResult);
    }

    private static JsonElement? ToJson(object? value) =>
        value is null ? null : JsonSerializer.SerializeToElement(value, value.GetType(), ConversionJson.Options);
}
