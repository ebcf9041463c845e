using System.Diagnostics.CodeAnalysis;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Nemo.Conversions;

namespace Nemo.Functions.Durable;

/// <summary>
/// Adapts Durable's <see cref="TaskOrchestrationContext"/> to the pipeline's <see cref="IOrchestrationContext"/>: the one
/// place where Durable types meet the orchestrations. Retry policies become <see cref="TaskOptions"/>, child instance ids
/// become <see cref="SubOrchestrationOptions"/>, and <see cref="TaskFailedException"/> becomes
/// <see cref="ActivityFailedException"/>.
/// </summary>
/// <remarks>Orchestration code: no <c>ConfigureAwait(false)</c>, continuations stay on Durable's orchestrator thread.</remarks>
[SuppressMessage("Reliability", "CA2007:Consider calling ConfigureAwait on the awaited task", Justification = "Orchestration code.")]
internal sealed class DurableOrchestrationContext : IOrchestrationContext
{
    private readonly TaskOrchestrationContext _context;

    public DurableOrchestrationContext(TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
    }

    public string InstanceId => _context.InstanceId;

    public DateTime CurrentUtcDateTime => _context.CurrentUtcDateTime;

    public bool IsReplaying => _context.IsReplaying;

    public async Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, ActivityRetryPolicy? retry = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        try
        {
            return await _context.CallActivityAsync<TResult>(name, input, ToTaskOptions(retry));
        }
        catch (TaskFailedException ex)
        {
            throw ToActivityFailed(name, ex);
        }
    }

    public async Task<TResult> CallSubOrchestratorAsync<TResult>(string name, string instanceId, object? input = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        try
        {
            return await _context.CallSubOrchestratorAsync<TResult>(name, input, new SubOrchestrationOptions(instanceId: instanceId));
        }
        catch (TaskFailedException ex)
        {
            throw ToActivityFailed(name, ex);
        }
    }

    public Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) => _context.CreateTimer(fireAt, cancellationToken);

    public Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default) =>
        _context.WaitForExternalEvent<T>(eventName, cancellationToken);

    public void SendEvent(string instanceId, string eventName, object payload) => _context.SendEvent(instanceId, eventName, payload);

    public void SetCustomStatus(object? customStatus) => _context.SetCustomStatus(customStatus);

    public ILogger CreateReplaySafeLogger(string categoryName) => _context.CreateReplaySafeLogger(categoryName);

    /// <summary>The port's retry policy as Durable task options; null (no retry) stays null.</summary>
    internal static TaskOptions? ToTaskOptions(ActivityRetryPolicy? retry) =>
        retry is null
            ? null
            : TaskOptions.FromRetryPolicy(new RetryPolicy(
                retry.MaxAttempts,
                retry.FirstRetryInterval,
                retry.BackoffCoefficient,
                retry.MaxRetryInterval));

    // The failure details carry the activity's exception type and message only (activities keep secrets out of both).
    private static ActivityFailedException ToActivityFailed(string name, TaskFailedException ex) =>
        new(name, ex.FailureDetails.ErrorType, ex.FailureDetails.ErrorMessage);
}
