using System.Diagnostics.CodeAnalysis;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Nemo.Conversions;

/// <summary>
/// One run of a conversion inside an orchestration: the shared steps of the three orchestrators and the result they
/// accumulate. Deterministic: time from the context, effects only through activities, timers and events.
/// </summary>
[SuppressMessage("Reliability", "CA2007:Consider calling ConfigureAwait on the awaited task", Justification = "Orchestration code must resume on the orchestration's own scheduler.")]
internal sealed partial class ConversionRun : IDisposable
{
    /// <summary>Delays before the 2nd, 3rd and 4th attempt of a step that failed transiently.</summary>
    internal static readonly TimeSpan[] Backoff = [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(45)];

    /// <summary>The shortest wait after Nemo's 429, whatever <c>Retry-After</c> says (nemo-api.md: wait at least 30 s).</summary>
    internal static readonly TimeSpan RateLimitMinimumDelay = TimeSpan.FromSeconds(30);

    /// <summary>Sessions one run may use: the first and two replacements after 1002.</summary>
    internal const int MaxSessions = 3;

    private readonly TaskOrchestrationContext _context;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _cancelWait = new();
    private readonly Task<CancelRequest> _cancel;
    private readonly List<StageTiming> _stages = [];
    private readonly List<string> _warnings = [];
    private ConversionResult _result;
    private (ConversionStage Stage, DateTime StartedAt)? _current;
    private string? _activeRender;
    // A completed render whose MP4 is not saved yet: a cancel arriving now is too late to spare anything, so it is kept.
    private RenderSnapshot? _finishedRender;
    // Set once a cancel has been dealt with, so the steps that follow (saving a kept render) are not stopped by it again.
    private bool _cancelHeard;
    private int _promptSequence;
    private int _renderSequence;
    private bool _mayHaveSpent;

    public ConversionRun(TaskOrchestrationContext context, string name, string profile, string prompt, IReadOnlyList<string> images, int version = 1)
    {
        _context = context;
        _logger = context.CreateReplaySafeLogger("Nemo.Conversions.Orchestration");
        // Started once: every later wait races against it.
        _cancel = context.WaitForExternalEvent<CancelRequest>(OrchestrationEvents.Cancel, _cancelWait.Token);
        _result = new ConversionResult
        {
            Id = context.InstanceId,
            Name = name,
            Status = ConversionStatus.Failed,
            Profile = profile,
            Prompt = prompt,
            Images = images,
            Version = version,
            StartedAt = context.CurrentUtcDateTime,
        };
    }

    public string Profile => _result.Profile;

    public string InstanceId => _context.InstanceId;

    /// <summary>Runs <paramref name="body"/>, then records how it ended, writes the result file and publishes the event.</summary>
    public async Task<ConversionResult> CompleteAsync(Func<Task> body)
    {
        Log.ConversionStarted(_logger, InstanceId);
        ConversionStatus status;
        ConversionFailure? failure = null;
        try
        {
            await body();
            status = ConversionStatus.Succeeded;
            if (_cancel.IsCompletedSuccessfully && _result.RenderId is { } renderId)
            {
                // The cancel arrived while the finished video was being saved.
                _warnings.Add(TooLate(_cancel.Result ?? new CancelRequest(), renderId));
            }
        }
        catch (ConversionHaltedException halted) when (halted.Cancel is { } cancel)
        {
            status = await StopAsync(cancel);
        }
        catch (ConversionHaltedException halted) when (halted.Failure is not null)
        {
            status = ConversionStatus.Failed;
            failure = halted.Failure;
        }

        EndStage();
        if (_mayHaveSpent)
        {
            var after = await CreditsAsync();
            _result = _result with { CreditsAfter = after?.Available };
        }

        Begin(ConversionStage.Result, status.ToString());
        _result = _result with
        {
            Status = status,
            Failure = failure,
            Warnings = [.. _warnings],
            CompletedAt = _context.CurrentUtcDateTime,
        };
        EndStage();
        _result = _result with { Stages = [.. _stages] };
        await PublishAsync();
        // Stop waiting for a cancel that can no longer matter.
        _cancelWait.Cancel();
        Log.ConversionEnded(_logger, InstanceId, _result.Status);
        return _result;
    }

    /// <summary>Validates the images (nothing is spent before this passes).</summary>
    public async Task<IReadOnlyList<ImageInfo>> ValidateAsync(ConversionRequest request)
    {
        Begin(ConversionStage.Validate, "Checking the images");
        var images = await StepAsync<IReadOnlyList<ImageInfo>>(ConversionStage.Validate, ConversionActivityNames.Validate, request);
        if (!_mayHaveSpent)
        {
            _mayHaveSpent = true;
            _result = _result with { CreditsBefore = (await CreditsAsync())?.Available };
        }

        return images;
    }

    /// <summary>Reads the credits before a run that skips validation (an iteration in its old session).</summary>
    public async Task ReadCreditsBeforeAsync()
    {
        _mayHaveSpent = true;
        _result = _result with { CreditsBefore = (await CreditsAsync())?.Available };
    }

    public void Dispose() => _cancelWait.Dispose();

    private async Task PublishAsync()
    {
        try
        {
            await CallAsync<string>(ConversionActivityNames.WriteResult, _result, ConversionStage.Result);
        }
        catch (ConversionHaltedException halted) when (halted.Failure is { } failure)
        {
            _result = _result with
            {
                Status = ConversionStatus.Failed,
                Failure = _result.Failure ?? failure,
                Warnings = [.. _result.Warnings, $"The result file could not be written: {failure.Reason}"],
            };
        }

        try
        {
            await CallAsync<bool>(ConversionActivityNames.PublishEvent, _result, ConversionStage.Result);
        }
        catch (ConversionHaltedException halted) when (halted.Failure is { } failure)
        {
            _result = _result with { Warnings = [.. _result.Warnings, $"The completion event could not be published: {failure.Reason}"] };
        }
    }

    private async Task<CreditsSnapshot?> CreditsAsync()
    {
        try
        {
            return await _context.CallActivityAsync<CreditsSnapshot?>(ConversionActivityNames.GetCredits, null, ConversionWorkflow.ActivityRetry);
        }
        catch (TaskFailedException)
        {
            // Credits are informational: a conversion never fails for want of them.
            return null;
        }
    }
}
