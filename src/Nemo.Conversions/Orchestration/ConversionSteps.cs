using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Nemo.Conversions;

/// <summary>
/// How the steps of a conversion run inside its orchestration: each step is an activity whose Nemo failures come back as
/// data, retried on a durable timer while they are transient; every wait races the cancel event; stages are timed and
/// published as custom status; warnings are collected for the result. Each step returns its value: what the conversion
/// does with it is <see cref="ConversionOrchestrator"/>'s, top to bottom. Deterministic: time from the context, effects
/// only through activities, timers and events.
/// </summary>
[SuppressMessage("Reliability", "CA2007:Consider calling ConfigureAwait on the awaited task", Justification = "Orchestration code must resume on the orchestration's own scheduler.")]
internal sealed partial class ConversionSteps : IDisposable
{
    /// <summary>Delays before the 2nd, 3rd and 4th attempt of a step that failed transiently.</summary>
    internal static readonly TimeSpan[] Backoff = [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(45)];

    /// <summary>The shortest wait after Nemo's 429, whatever <c>Retry-After</c> says (nemo-api.md: wait at least 30 s).</summary>
    internal static readonly TimeSpan RateLimitMinimumDelay = TimeSpan.FromSeconds(30);

    private readonly TaskOrchestrationContext _context;
    private readonly string _profile;
    private readonly ConversionOptions? _options;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _cancelWait = new();
    private readonly Task<CancelRequest> _cancel;
    private readonly List<StageTiming> _stages = [];
    private readonly List<string> _warnings = [];
    private readonly DateTime _startedAt;
    private (ConversionStage Stage, DateTime StartedAt)? _current;
    // The time waited on timers so far (see ServiceNow).
    private TimeSpan _waited;
    // Set once a cancel is being dealt with, so the steps that follow (saving a kept render) are not stopped by it again.
    private bool _cancelHeard;
    // The ledger sequences of this run's prompts and renders: an activity retried after a crash finds its own entry.
    private int _promptSequence;
    private int _renderSequence;

    public ConversionSteps(TaskOrchestrationContext context, string profile, ConversionOptions? options = null)
    {
        _context = context;
        _profile = profile;
        _options = options;
        _logger = context.CreateReplaySafeLogger("Nemo.Conversions.Orchestration");
        _startedAt = context.CurrentUtcDateTime;
        // Started once: every later wait races against it.
        _cancel = context.WaitForExternalEvent<CancelRequest>(OrchestrationEvents.Cancel, _cancelWait.Token);
        Log.ConversionStarted(_logger, context.InstanceId);
    }

    public string InstanceId => _context.InstanceId;

    public DateTime Now => _context.CurrentUtcDateTime;

    /// <summary>
    /// The time against which the service is measured (render progress rates, the render deadline): the context's
    /// clock, or the start plus the time waited on timers when that is later. A runtime may run timers faster than its
    /// clock — nemo's local runtime against its simulator fires a 60 s timer after 1.2 s and records the true time —
    /// and then only the waits say how much service time went by. On a real-time runtime (Durable Functions, nemo
    /// against Nemo) a timer never fires before its time, so this is the context's clock.
    /// </summary>
    public DateTime ServiceNow => Now - _startedAt >= _waited ? Now : _startedAt + _waited;

    /// <summary>The warnings so far, for the result.</summary>
    public IReadOnlyList<string> Warnings => [.. _warnings];

    /// <summary>The stages so far, each with its start and end, for the result.</summary>
    public IReadOnlyList<StageTiming> Stages => [.. _stages];

    /// <summary>The cancel request, once one has arrived.</summary>
    public CancelRequest? CancelReceived => _cancel.IsCompletedSuccessfully ? _cancel.Result ?? new CancelRequest() : null;

    /// <summary>Records a warning for the result file (once: the same words twice say nothing more).</summary>
    public void Warn(string warning)
    {
        if (!_warnings.Contains(warning))
        {
            _warnings.Add(warning);
        }
    }

    /// <summary>Marks the start of a stage (ending the previous one) and publishes it as custom status.</summary>
    public void Begin(ConversionStage stage, string? message = null, int? progress = null, string? renderId = null)
    {
        if (_current is not { } current || current.Stage != stage)
        {
            EndStage();
            _current = (stage, Now);
        }

        _context.SetCustomStatus(new ConversionProgress(stage, progress, message, renderId));
    }

    /// <summary>Ends the current stage, if one is open.</summary>
    public void EndStage()
    {
        if (_current is { } current)
        {
            _stages.Add(new StageTiming(current.Stage, current.StartedAt, Now));
            _current = null;
        }
    }

    /// <summary>Stops the run when a cancel request has arrived (once: the steps that deal with it run to their end).</summary>
    public void ThrowIfCancelled()
    {
        if (!_cancelHeard && CancelReceived is { } cancel)
        {
            throw new ConversionHaltedException(cancel);
        }
    }

    /// <summary>A durable timer raced against the cancel event.</summary>
    public async Task DelayAsync(TimeSpan delay)
    {
        ThrowIfCancelled();
        using var timerCancel = new CancellationTokenSource();
        var timer = _context.CreateTimer(Now + delay, timerCancel.Token);
        var winner = _cancelHeard ? timer : await Task.WhenAny(timer, _cancel);
        if (winner != timer)
        {
            timerCancel.Cancel();
            ThrowIfCancelled();
        }

        await timer;
        _waited += delay;
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
            throw new ConversionHaltedException(new ConversionFailure(stage, FailureKind.Terminal, $"internal error: {TextClip.Clip(ex.FailureDetails.ErrorMessage, 300)}"));
        }
    }

    /// <summary>The account's credits; null when they cannot be read (they are informational: a conversion never fails for want of them).</summary>
    public async Task<CreditsSnapshot?> CreditsAsync()
    {
        try
        {
            return await _context.CallActivityAsync<CreditsSnapshot?>(ConversionActivityNames.GetCredits, null, ConversionWorkflow.ActivityRetry);
        }
        catch (TaskFailedException)
        {
            return null;
        }
    }

    /// <summary>Writes the result file and publishes the completion event; a failure of either is recorded in the result it returns.</summary>
    public async Task<ConversionResult> PublishAsync(ConversionResult result)
    {
        try
        {
            await CallAsync<string>(ConversionActivityNames.WriteResult, result, ConversionStage.Result);
        }
        catch (ConversionHaltedException halted) when (halted.Failure is { } failure)
        {
            result = result with
            {
                Status = ConversionStatus.Failed,
                Failure = result.Failure ?? failure,
                Warnings = [.. result.Warnings, $"The result file could not be written: {failure.Reason}"],
            };
        }

        string? undelivered;
        try
        {
            undelivered = await CallAsync<string?>(ConversionActivityNames.PublishEvent, result, ConversionStage.Result);
        }
        catch (ConversionHaltedException halted) when (halted.Failure is { } failure)
        {
            undelivered = failure.Reason;
        }

        if (undelivered is not null)
        {
            // The result file says so too: written again with the warning (the event itself is not sent twice).
            result = result with { Warnings = [.. result.Warnings, $"{ConversionEvents.UndeliveredWarning}: {undelivered}"] };
            try
            {
                await CallAsync<string>(ConversionActivityNames.WriteResult, result, ConversionStage.Result);
            }
            catch (ConversionHaltedException)
            {
                // The result is still the orchestration's output; the first write's failure was recorded above.
            }
        }

        // Stop waiting for a cancel that can no longer matter.
        _cancelWait.Cancel();
        Log.ConversionEnded(_logger, InstanceId, result.Status);
        return result;
    }

    public void Dispose() => _cancelWait.Dispose();

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
}
