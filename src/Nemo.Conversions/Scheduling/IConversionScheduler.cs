namespace Nemo.Conversions;

/// <summary>
/// Starts, queries and cancels orchestration instances: the local runtime in <c>nemo</c>, <c>DurableTaskClient</c> in
/// Azure. The HTTP API and the triggers use only this.
/// </summary>
public interface IConversionScheduler
{
    /// <summary>
    /// Starts <paramref name="orchestratorName"/> as <paramref name="instanceId"/>, unless that instance already exists:
    /// the same id twice is one conversion.
    /// </summary>
    /// <returns>True when this call started it.</returns>
    Task<bool> ScheduleAsync(string orchestratorName, string instanceId, object input, CancellationToken cancellationToken = default);

    /// <summary>An instance's status, or null when there is none.</summary>
    Task<ConversionInstance?> GetAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Instances, most recent first.</summary>
    Task<IReadOnlyList<ConversionInstance>> ListAsync(int maxCount = 100, CancellationToken cancellationToken = default);

    /// <summary>Raises <see cref="OrchestrationEvents.Cancel"/> on a running instance; false when it is not running.</summary>
    Task<bool> CancelAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default);
}
