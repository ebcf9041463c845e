using System.Text.Json;
using Microsoft.DurableTask;
using Nemo.Conversions;

namespace Nemo.Cli.Runtime;

/// <summary>Running activities: on the thread pool, at most <see cref="LocalRuntimeOptions.MaxConcurrentActivities"/> at once.</summary>
public sealed partial class LocalOrchestrationRuntime
{
    internal void StartActivity(
        InstanceRunner runner, int id, string name, JsonElement? input, RetryPolicy? retry, CancellationToken cancellationToken) =>
        Track(Task.Run(() => RunActivityAsync(runner, id, name, input, retry, cancellationToken), CancellationToken.None));

    private async Task RunActivityAsync(
        InstanceRunner runner, int id, string name, JsonElement? input, RetryPolicy? retry, CancellationToken cancellationToken)
    {
        if (!_activities.TryGetValue(name, out var definition))
        {
            runner.TryPost(new WorkDone(new TaskFailed(default, id, typeof(InvalidOperationException).FullName!,
                $"No activity named '{name}' is registered.")));
            return;
        }

        var firstAttemptAt = TimeProvider.GetUtcNow();
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                Exception failure;
                await _activitySlots.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    var scope = _services.CreateAsyncScope();
                    await using (scope.ConfigureAwait(false))
                    {
                        var argument = input is { } json && definition.InputType is { } type
                            ? json.Deserialize(type, ConversionJson.Compact)
                            : null;
                        var result = await definition.InvokeAsync(scope.ServiceProvider, argument, cancellationToken).ConfigureAwait(false);
                        runner.TryPost(new WorkDone(new TaskCompleted(default, id, LocalOrchestrationContext.ToJson(result))));
                        return;
                    }
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
#pragma warning disable CA1031 // Whatever an activity throws becomes data for the orchestration: type and message in TaskFailed.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    failure = ex;
                }
                finally
                {
                    _activitySlots.Release();
                }

                var errorType = failure.GetType().FullName ?? failure.GetType().Name;
                if (NextDelay(retry, attempt, TimeProvider.GetUtcNow() - firstAttemptAt, Failure(name, id, errorType, failure.Message)) is not { } delay)
                {
                    Log.ActivityFailed(Logger, runner.InstanceId, name, attempt, errorType);
                    runner.TryPost(new WorkDone(new TaskFailed(default, id, errorType, failure.Message)));
                    return;
                }

                Log.ActivityRetrying(Logger, runner.InstanceId, name, attempt, errorType, (long)delay.TotalMilliseconds);
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(Shorten(delay), TimeProvider, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped (or the orchestration finished): nothing is recorded, so the activity runs again on resume.
        }
    }

    /// <summary>
    /// The wait before the next attempt after <paramref name="attempts"/> failed ones, as Durable computes it from a
    /// <see cref="RetryPolicy"/> (first interval × coefficient^(attempt − 1), capped at the maximum interval); null when
    /// the policy says to stop: no policy, attempts used up, past its retry timeout, or a failure it does not handle.
    /// </summary>
    internal static TimeSpan? NextDelay(RetryPolicy? retry, int attempts, TimeSpan elapsed, Exception failure)
    {
        if (retry is null
            || attempts >= retry.MaxNumberOfAttempts
            || (retry.RetryTimeout != Timeout.InfiniteTimeSpan && elapsed >= retry.RetryTimeout)
            || !retry.Handle(failure))
        {
            return null;
        }

        var ticks = retry.FirstRetryInterval.Ticks * Math.Pow(retry.BackoffCoefficient, attempts - 1);
        return ticks >= retry.MaxRetryInterval.Ticks ? retry.MaxRetryInterval : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>
    /// A failed attempt as Durable hands it to <see cref="RetryPolicy.Handle"/>: DurableTask.Core's exception with the
    /// failure's details, which is what a policy's <see cref="RetryPolicy.HandleFailure"/> reads.
    /// </summary>
    internal static global::DurableTask.Core.Exceptions.TaskFailedException Failure(string name, int id, string errorType, string message) =>
        new(eventId: -1, scheduleId: id, name, version: string.Empty, reason: message, cause: null!)
        {
            FailureDetails = new global::DurableTask.Core.FailureDetails(errorType, message, stackTrace: null, innerFailure: null, isNonRetriable: false),
        };
}
