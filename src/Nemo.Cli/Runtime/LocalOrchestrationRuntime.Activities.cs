using System.Text.Json;
using Nemo.Conversions;

namespace Nemo.Cli.Runtime;

/// <summary>Running activities: on the thread pool, at most <see cref="LocalRuntimeOptions.MaxConcurrentActivities"/> at once.</summary>
public sealed partial class LocalOrchestrationRuntime
{
    internal void StartActivity(
        InstanceRunner runner, int id, string name, JsonElement? input, ActivityRetryPolicy? retry, CancellationToken cancellationToken) =>
        Track(Task.Run(() => RunActivityAsync(runner, id, name, input, retry, cancellationToken), CancellationToken.None));

    private async Task RunActivityAsync(
        InstanceRunner runner, int id, string name, JsonElement? input, ActivityRetryPolicy? retry, CancellationToken cancellationToken)
    {
        if (!_activities.TryGetValue(name, out var definition))
        {
            runner.TryPost(new WorkDone(new TaskFailed(default, id, typeof(InvalidOperationException).FullName!,
                $"No activity named '{name}' is registered.")));
            return;
        }

        var attempts = Math.Max(1, retry?.MaxAttempts ?? 1);
        var delay = retry?.FirstRetryInterval ?? TimeSpan.Zero;
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
                if (attempt >= attempts)
                {
                    Log.ActivityFailed(Logger, runner.InstanceId, name, attempt, errorType);
                    runner.TryPost(new WorkDone(new TaskFailed(default, id, errorType, failure.Message)));
                    return;
                }

                Log.ActivityRetrying(Logger, runner.InstanceId, name, attempt, errorType, (long)delay.TotalMilliseconds);
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, TimeProvider, cancellationToken).ConfigureAwait(false);
                }

                delay = NextDelay(delay, retry!);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped (or the orchestration finished): nothing is recorded, so the activity runs again on resume.
        }
    }

    private static TimeSpan NextDelay(TimeSpan delay, ActivityRetryPolicy retry)
    {
        var next = TimeSpan.FromTicks((long)Math.Min(delay.Ticks * retry.BackoffCoefficient, TimeSpan.MaxValue.Ticks / 2.0));
        return retry.MaxRetryInterval is { } max && next > max ? max : next;
    }
}
