using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Nemo.Client;

/// <summary>
/// Builds the Polly pipelines. Two retry layers: an outer one for HTTP 429 (waits
/// <c>Retry-After</c>, at least <see cref="NemoClientOptions.RateLimitMinimumDelay"/>), an inner one
/// for other transient failures (jittered exponential backoff). Both delay through the injected
/// <see cref="TimeProvider"/>. Only idempotent calls go through them.
/// </summary>
internal static class NemoResilience
{
    public static ResiliencePipeline Create(NemoClientOptions options, TimeProvider timeProvider, ILogger logger, bool retryRateLimits)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };

        if (retryRateLimits && options.MaxRateLimitRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRateLimitRetries,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is NemoApiException exception
                    && IsRateLimit(exception)
                    && RateLimitDelay(exception, options) <= options.MaxRateLimitDelay),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    RateLimitDelay((NemoApiException)args.Outcome.Exception!, options)),
                OnRetry = args =>
                {
                    Log.RetryingRateLimited(logger, args.Context.OperationKey, args.AttemptNumber + 1, (long)args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });
        }

        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(IsRetryableTransient(args.Outcome.Exception)),
                // A 503 with Retry-After is honoured (capped); otherwise the jittered backoff applies.
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Exception is NemoApiException { RetryAfter: { } wait }
                        ? (TimeSpan?)(wait > options.MaxRetryDelay ? options.MaxRetryDelay : wait)
                        : null),
                OnRetry = args =>
                {
                    Log.RetryingTransient(logger, args.Context.OperationKey, args.AttemptNumber + 1, (long)args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });
        }

        return builder.Build();
    }

    public static bool IsRateLimit(NemoApiException exception) =>
        exception.StatusCode == HttpStatusCode.TooManyRequests && exception.Kind == NemoErrorKind.Transient;

    public static bool IsRetryableTransient(Exception? exception) =>
        exception is NemoApiException { Kind: NemoErrorKind.Transient } nemo
        and not NemoStreamInterruptedException
        && !IsRateLimit(nemo);

    public static TimeSpan RateLimitDelay(NemoApiException exception, NemoClientOptions options) =>
        exception.RetryAfter is { } wait && wait > options.RateLimitMinimumDelay ? wait : options.RateLimitMinimumDelay;
}
