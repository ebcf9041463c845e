using System.Globalization;

namespace Nemo.Conversions;

/// <summary>The steps up to an exportable draft: validate, session, upload, prompt, draft.</summary>
internal sealed partial class ConversionSteps
{
    /// <summary>Recovery: the first state check after a reply without a draft.</summary>
    internal static readonly TimeSpan RecoveryFirstDelay = TimeSpan.FromSeconds(30);

    /// <summary>Recovery: the interval between later checks.</summary>
    internal static readonly TimeSpan RecoveryInterval = TimeSpan.FromSeconds(60);

    /// <summary>Recovery gives up after this many checks in a row without a change.</summary>
    internal const int RecoveryUnchangedChecks = 5;

    /// <summary>Recovery gives up after this many checks in all (a draft that keeps changing but never has content).</summary>
    internal const int RecoveryMaxChecks = 15;

    private const int MaxRateLimitedPrompts = 2;

    /// <summary>Validates the images: whole, supported, within the profile's limits. Nothing is spent before this passes.</summary>
    public Task<IReadOnlyList<ImageInfo>> ValidateAsync(ConversionRequest request)
    {
        Begin(ConversionStage.Validate, "Checking the images");
        return StepAsync<IReadOnlyList<ImageInfo>>(ConversionStage.Validate, ConversionActivityNames.Validate, request);
    }

    /// <summary>Creates a Nemo session; returns its id.</summary>
    public async Task<string> CreateSessionAsync(string language)
    {
        Begin(ConversionStage.Session, "Creating a Nemo session");
        var session = await StepAsync<SessionRef>(ConversionStage.Session, ConversionActivityNames.CreateSession, new CreateSessionInput(_profile, language));
        return session.SessionId;
    }

    /// <summary>Uploads the validated images into the session.</summary>
    public Task<UploadSummary> UploadAsync(string sessionId, IReadOnlyList<ImageInfo> images)
    {
        Begin(ConversionStage.Upload, $"Uploading {images.Count} image(s)");
        return StepAsync<UploadSummary>(ConversionStage.Upload, ConversionActivityNames.UploadImages, new UploadImagesInput(_profile, sessionId, images));
    }

    /// <summary>
    /// Sends a prompt once. Never re-sends one Nemo may have accepted: a dropped stream, a 5xx or an unclear answer is
    /// treated as "maybe accepted" and recovered by reading state. Only a refusal that proves it was not accepted (1001
    /// with a fresh token, 429) sends it again, under a new ledger sequence.
    /// </summary>
    public async Task<PromptReply> SendPromptAsync(string sessionId, string prompt, string message = "Asking the Nemo agent")
    {
        Begin(ConversionStage.Prompt, message);
        var tokenRetried = false;
        for (var rateLimited = 0; ; )
        {
            var input = new SendPromptInput(InstanceId, _profile, sessionId, prompt, ++_promptSequence);
            var step = await CallAsync<StepResult<PromptReply>>(ConversionActivityNames.SendPrompt, input, ConversionStage.Prompt, retry: false);
            if (step.Failure is not { } failure)
            {
                _warnings.AddRange(step.Value!.Warnings);
                return step.Value;
            }

            if (failure is { NemoCode: ConversionFailures.TokenInvalid, Kind: FailureKind.Recoverable } && !tokenRetried)
            {
                tokenRetried = true;
                continue;
            }

            if (failure.HttpStatus == 429 && rateLimited < MaxRateLimitedPrompts)
            {
                rateLimited++;
                await DelayAsync(AtLeast(RateLimitMinimumDelay, failure.RetryAfterSeconds));
                continue;
            }

            if (failure.Kind == FailureKind.Transient)
            {
                Warn($"Nemo's answer to the prompt was unclear ({failure.Reason}); the draft was read instead of sending the prompt again.");
                return new PromptReply(string.Empty, HadText: false, Interrupted: true, AlreadySent: false, AskedQuestion: false, []);
            }

            throw Halt(failure);
        }
    }

    /// <summary>Reads the session's draft.</summary>
    public Task<DraftSnapshot> ReadDraftAsync(string sessionId, string message = "Reading the draft")
    {
        Begin(ConversionStage.Draft, message);
        return StepAsync<DraftSnapshot>(ConversionStage.Draft, ConversionActivityNames.ReadDraft, new ReadDraftInput(_profile, sessionId));
    }

    /// <summary>Whether an earlier session still exists: false when Nemo says it is gone (1002).</summary>
    public async Task<bool> SessionExistsAsync(string sessionId)
    {
        try
        {
            await ReadDraftAsync(sessionId, "Checking the earlier session");
            return true;
        }
        catch (ConversionHaltedException halted) when (halted.Failure is { NemoCode: ConversionFailures.SessionNotFound })
        {
            return false;
        }
    }

    /// <summary>
    /// Waits for a draft the reply did not give, reading state on durable timers (nemo-api.md: wait 30 s, then check every
    /// 60 s; give up after 5 checks without a change). Halts, quoting what the agent said, when none comes.
    /// </summary>
    public async Task<DraftSnapshot> WaitForDraftAsync(string sessionId, DraftSnapshot draft, string? agentText)
    {
        var unchanged = 0;
        var delay = RecoveryFirstDelay;
        for (var checks = 1; checks <= RecoveryMaxChecks; checks++)
        {
            Begin(ConversionStage.Draft, string.Create(CultureInfo.InvariantCulture, $"Waiting for the draft (check {checks})"));
            await DelayAsync(delay);
            delay = RecoveryInterval;
            var next = await ReadDraftAsync(sessionId);
            if (next.Exportable)
            {
                Warn(string.Create(CultureInfo.InvariantCulture, $"The reply gave no draft; it appeared on state check {checks}."));
                return next;
            }

            unchanged = next.Fingerprint == draft.Fingerprint ? unchanged + 1 : 0;
            draft = next;
            if (unchanged >= RecoveryUnchangedChecks)
            {
                break;
            }
        }

        var said = string.IsNullOrWhiteSpace(agentText) ? "it said nothing" : $"it said: \"{TextClip.Clip(agentText, 200)}\"";
        throw new ConversionHaltedException(new ConversionFailure(
            ConversionStage.Draft,
            FailureKind.Terminal,
            $"The Nemo agent did not produce a draft to render ({said}). Try a more specific prompt."));
    }
}
