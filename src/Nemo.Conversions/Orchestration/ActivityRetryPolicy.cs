namespace Nemo.Conversions;

/// <summary>
/// Retry for activities that <em>throw</em> (a crashed worker, an I/O fault in the store). Nemo errors do not throw out of
/// activities: they come back as <see cref="ConversionFailure"/> data and the orchestration decides. Mirrors Durable's
/// <c>RetryPolicy</c>.
/// </summary>
/// <param name="MaxAttempts">Attempts in all, the first included.</param>
/// <param name="FirstRetryInterval">Delay before the second attempt.</param>
/// <param name="BackoffCoefficient">Multiplier applied to the delay after each attempt.</param>
/// <param name="MaxRetryInterval">Upper bound for one delay.</param>
public sealed record ActivityRetryPolicy(
    int MaxAttempts,
    TimeSpan FirstRetryInterval,
    double BackoffCoefficient = 2.0,
    TimeSpan? MaxRetryInterval = null)
{
    /// <summary>Three attempts, 5 s then 10 s apart.</summary>
    public static ActivityRetryPolicy Default { get; } = new(3, TimeSpan.FromSeconds(5), 2.0, TimeSpan.FromMinutes(1));
}
