using Microsoft.DurableTask;
using Nemo.Cli.Runtime;

namespace Nemo.Cli.Tests.Runtime;

/// <summary>The local runtime reads the SDK's <see cref="RetryPolicy"/> as Durable does, so a policy behaves the same in both hosts.</summary>
public sealed class RetryPolicyTests
{
    private static readonly InvalidOperationException Boom = new("boom");

    [Fact]
    public void Delays_grow_by_the_coefficient_and_stop_when_the_attempts_are_used()
    {
        var policy = new RetryPolicy(maxNumberOfAttempts: 4, firstRetryInterval: TimeSpan.FromSeconds(5), backoffCoefficient: 3.0);

        Assert.Equal(TimeSpan.FromSeconds(5), LocalOrchestrationRuntime.NextDelay(policy, 1, TimeSpan.Zero, Failure()));
        Assert.Equal(TimeSpan.FromSeconds(15), LocalOrchestrationRuntime.NextDelay(policy, 2, TimeSpan.Zero, Failure()));
        Assert.Equal(TimeSpan.FromSeconds(45), LocalOrchestrationRuntime.NextDelay(policy, 3, TimeSpan.Zero, Failure()));
        Assert.Null(LocalOrchestrationRuntime.NextDelay(policy, 4, TimeSpan.Zero, Failure()));
    }

    [Fact]
    public void A_policy_without_a_maximum_interval_waits_at_most_an_hour_as_in_Durable()
    {
        var policy = new RetryPolicy(maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromMinutes(30), backoffCoefficient: 4.0);

        Assert.Equal(TimeSpan.FromHours(1), LocalOrchestrationRuntime.NextDelay(policy, 3, TimeSpan.Zero, Failure()));
    }

    [Fact]
    public void The_retry_timeout_and_the_failure_filter_end_the_retries()
    {
        var timed = new RetryPolicy(5, TimeSpan.FromSeconds(1), retryTimeout: TimeSpan.FromSeconds(10));
        var filtered = new RetryPolicy(5, TimeSpan.FromSeconds(1)) { HandleFailure = f => f.ErrorType != typeof(InvalidOperationException).FullName };

        Assert.Equal(TimeSpan.FromSeconds(1), LocalOrchestrationRuntime.NextDelay(timed, 1, TimeSpan.FromSeconds(9), Failure()));
        Assert.Null(LocalOrchestrationRuntime.NextDelay(timed, 1, TimeSpan.FromSeconds(10), Failure()));
        Assert.Null(LocalOrchestrationRuntime.NextDelay(filtered, 1, TimeSpan.Zero, Failure()));
        Assert.Null(LocalOrchestrationRuntime.NextDelay(null, 1, TimeSpan.Zero, Failure()));
    }

    [Fact]
    public void Invalid_policies_are_refused_where_they_are_written_in_both_hosts() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetryPolicy(0, TimeSpan.FromSeconds(1)));

    private static DurableTask.Core.Exceptions.TaskFailedException Failure() => LocalOrchestrationRuntime.Failure("Flaky", 0, Boom.GetType().FullName!, Boom.Message);
}
