using System.Globalization;
using Microsoft.DurableTask;

namespace Nemo.Conversions;

internal sealed partial class ConversionRun
{
    /// <summary>Marks the start of a stage (ending the previous one) and publishes it as custom status.</summary>
    public void Begin(ConversionStage stage, string? message = null, int? progress = null)
    {
        if (_current is not { } current || current.Stage != stage)
        {
            EndStage();
            _current = (stage, _context.CurrentUtcDateTime);
        }

        _context.SetCustomStatus(new ConversionProgress(stage, progress, message, _activeRender));
    }

    private void EndStage()
    {
        if (_current is { } current)
        {
            _stages.Add(new StageTiming(current.Stage, current.StartedAt, _context.CurrentUtcDateTime));
            _current = null;
        }
    }

    /// <summary>Stops the run when a cancel request has arrived (once: the steps that deal with it run to their end).</summary>
    public void ThrowIfCancelled()
    {
        if (!_cancelHeard && _cancel.IsCompletedSuccessfully)
        {
            throw new ConversionHaltedException(_cancel.Result ?? new CancelRequest());
        }
    }

    /// <summary>A durable timer raced against the cancel event.</summary>
    public async Task DelayAsync(TimeSpan delay)
    {
        ThrowIfCancelled();
        using var timerCancel = new CancellationTokenSource();
        var timer = _context.CreateTimer(_context.CurrentUtcDateTime + delay, timerCancel.Token);
        var winner = _cancelHeard ? timer : await Task.WhenAny(timer, _cancel);
        if (winner != timer)
        {
            timerCancel.Cancel();
            ThrowIfCancelled();
        }

        await timer;
    }

    /// <summary>
    /// Runs a step: an activity returning a <see cref="StepResult{T}"/>, retried after a durable backoff while it fails
    /// transiently (honouring the server's Retry-After), halting the run on any other failure.
    /// </summary>
    public async Task<T> StepAsync<T>(ConversionStage stage, string activity, object input)
    {
        for (var attempt = 0; ; attempt++)
        {
            var step = await CallAsync<StepResult<T>>(activity, input, stage);
            if (step.Failure is not { } failure)
            {
                return step.Value!;
            }

            if (failure.Kind == FailureKind.Transient && attempt < Backoff.Length)
            {
                var delay = AtLeast(failure.HttpStatus == 429 ? RateLimitMinimumDelay : Backoff[attempt], failure.RetryAfterSeconds);
                Log.StepRetrying(_logger, stage, delay.TotalSeconds, attempt + 2);
                await DelayAsync(delay);
                continue;
            }

            throw Halt(failure, attempt + 1);
        }
    }

    /// <summary>Calls an activity; one that threw (after the runtime's retries) halts the run with an internal error.</summary>
    public async Task<T> CallAsync<T>(string activity, object? input, ConversionStage stage, bool retry = true)
    {
        if (stage != ConversionStage.Result)
        {
            ThrowIfCancelled();
        }

        try
        {
            return await _context.CallActivityAsync<T>(activity, input, retry ? ConversionWorkflow.ActivityRetry : null);
        }
        catch (TaskFailedException ex)
        {
            throw new ConversionHaltedException(new ConversionFailure(stage, FailureKind.Terminal, $"internal error: {Shorten(ex.FailureDetails.ErrorMessage)}"));
        }
    }

    /// <summary>The failure that ends a run, with a reason people can act on.</summary>
    internal static ConversionHaltedException Halt(ConversionFailure failure, int attempts = 1)
    {
        if (failure.NemoCode == ConversionFailures.TokenInvalid)
        {
            failure = failure with
            {
                Kind = FailureKind.Terminal,
                Reason = "Nemo rejected the configured token (1001) even after the client's own repair; set a valid token (NEMO_TOKEN or Nemo:Token) and try again.",
            };
        }
        else if (failure.Kind == FailureKind.Transient && attempts > 1)
        {
            failure = failure with { Reason = string.Create(CultureInfo.InvariantCulture, $"{failure.Reason} (gave up after {attempts} attempts)") };
        }

        return new ConversionHaltedException(failure);
    }

    private static TimeSpan AtLeast(TimeSpan delay, double? retryAfterSeconds) =>
        retryAfterSeconds is { } seconds && TimeSpan.FromSeconds(seconds) > delay ? TimeSpan.FromSeconds(seconds) : delay;

    private static string Shorten(string message) => message.Length <= 300 ? message : string.Concat(message.AsSpan(0, 300), "…");
}
