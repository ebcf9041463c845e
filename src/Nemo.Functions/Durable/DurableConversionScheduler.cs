using System.Text.Json;
using Grpc.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Nemo.Conversions;

namespace Nemo.Functions.Durable;

/// <summary>
/// <see cref="IConversionScheduler"/> over Durable's <see cref="DurableTaskClient"/>. In Functions the client comes from
/// a <c>[DurableClient]</c> binding of the invocation, so instances are made per invocation by
/// <see cref="ConversionSchedulerFactory"/>.
/// </summary>
internal sealed class DurableConversionScheduler : IConversionScheduler
{
    private readonly DurableTaskClient _client;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _listLookback;

    public DurableConversionScheduler(DurableTaskClient client, TimeProvider timeProvider, TimeSpan listLookback)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _client = client;
        _timeProvider = timeProvider;
        _listLookback = listLookback;
    }

    public async Task<bool> ScheduleAsync(string orchestratorName, string instanceId, object input, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orchestratorName);
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        ArgumentNullException.ThrowIfNull(input);

        // Any existing instance (running or finished) means this source was already converted: one conversion, one spend.
        if (await _client.GetInstanceAsync(instanceId, false, cancellationToken).ConfigureAwait(false) is not null)
        {
            return false;
        }

        try
        {
            await _client.ScheduleNewOrchestrationInstanceAsync(orchestratorName, input, new StartOrchestrationOptions(instanceId), cancellationToken)
                .ConfigureAwait(false);
            return true;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.AlreadyExists)
        {
            // A concurrent start (a second event for the same blob) won the race.
            return false;
        }
    }

    public async Task<ConversionInstance?> GetAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        if (instanceId.Length == 0)
        {
            return null;
        }

        var metadata = await _client.GetInstanceAsync(instanceId, true, cancellationToken).ConfigureAwait(false);
        return metadata is null ? null : ToInstance(metadata);
    }

    public async Task<IReadOnlyList<ConversionInstance>> ListAsync(int maxCount = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);

        // Durable queries come back in storage order, not by time: read the window, then sort.
        var query = new OrchestrationQuery(CreatedFrom: _timeProvider.GetUtcNow() - _listLookback, FetchInputsAndOutputs: true);
        var instances = new List<ConversionInstance>();
        await foreach (var metadata in _client.GetAllInstancesAsync(query).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            instances.Add(ToInstance(metadata));
        }

        return [.. instances
            .OrderByDescending(i => i.CreatedAt)
            .ThenBy(i => i.InstanceId, StringComparer.Ordinal)
            .Take(maxCount)];
    }

    public async Task<bool> CancelAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var metadata = await _client.GetInstanceAsync(instanceId, false, cancellationToken).ConfigureAwait(false);
        if (metadata is null || ToStatus(metadata.RuntimeStatus) is not (InstanceStatus.Pending or InstanceStatus.Running))
        {
            return false;
        }

        await _client.RaiseEventAsync(instanceId, OrchestrationEvents.Cancel, new CancelRequest(reason), cancellationToken).ConfigureAwait(false);
        return true;
    }

    internal static ConversionInstance ToInstance(OrchestrationMetadata metadata) => new(
        metadata.InstanceId,
        metadata.Name,
        ToStatus(metadata.RuntimeStatus),
        metadata.CreatedAt.UtcDateTime,
        metadata.LastUpdatedAt.UtcDateTime,
        ToJson(metadata.SerializedCustomStatus),
        ToJson(metadata.SerializedOutput),
        metadata.FailureDetails is { } failure ? failure.ErrorType + ": " + failure.ErrorMessage : null);

    internal static InstanceStatus ToStatus(OrchestrationRuntimeStatus status) => status switch
    {
        OrchestrationRuntimeStatus.Pending => InstanceStatus.Pending,
        OrchestrationRuntimeStatus.Completed => InstanceStatus.Completed,
        OrchestrationRuntimeStatus.Failed => InstanceStatus.Failed,
        OrchestrationRuntimeStatus.Terminated => InstanceStatus.Terminated,

        // Running, and Suspended: started and not finished.
        _ => InstanceStatus.Running,
    };

    private static JsonElement? ToJson(string? serialized) =>
        string.IsNullOrEmpty(serialized) ? null : JsonSerializer.Deserialize<JsonElement>(serialized, ConversionJson.Options);
}
