using System.Globalization;

namespace Nemo.Conversions;

internal sealed partial class ConversionRun
{
    /// <summary>The one follow-up sent when the agent asked a question instead of drafting.</summary>
    internal const string FollowUpPrompt = "Please go ahead and make the video now using your best judgement.";

    /// <summary>Recovery: the first state check after a reply without a draft.</summary>
    internal static readonly TimeSpan RecoveryFirstDelay = TimeSpan.FromSeconds(30);

    /// <summary>Recovery: the interval between later checks.</summary>
    internal static readonly TimeSpan RecoveryInterval = TimeSpan.FromSeconds(60);

    /// <summary>Recovery gives up after this many checks in a row without a change.</summary>
    internal const int RecoveryUnchangedChecks = 5;

    /// <summary>Recovery gives up after this many checks in all (a draft that keeps changing but never has content).</summary>
    internal const int RecoveryMaxChecks = 15;

    private const int MaxRateLimitedPrompts = 2;

    private async Task<DraftSnapshot> PromptAndDraftAsync(string sessionId, string prompt)
    {
        Begin(ConversionStage.Prompt, "Asking the Nemo agent");
        var reply = await SendPromptAsync(sessionId, prompt);
        Begin(ConversionStage.Draft, "Reading the draft");
        var draft = await ReadDraftAsync(sessionId);
        if (draft.Exportable)
        {
            return draft;
        }

        if (reply.AskedQuestion)
        {
            _warnings.Add("The agent asked a question instead of drafting; one follow-up asked it to go ahead with its best judgement.");
            Begin(ConversionStage.Prompt, "Asking the agent to go ahead");
            await SendPromptAsync(sessionId, FollowUpPrompt);
            Begin(ConversionStage.Draft, "Reading the draft");
            draft = await ReadDraftAsync(sessionId);
            if (draft.Exportable)
            {
                return draft;
            }
        }

        return await RecoverDraftAsync(sessionId, draft);
    }

    /// <summary>
    /// Sends a prompt once. Never re-sends one Nemo may have accepted: a dropped stream, a 5xx or an unclear answer is
    /// treated as "maybe accepted" and recovered by reading state. Only a refusal that proves it was not accepted (1001
    /// with a fresh token, 429) sends it again, under a new ledger sequence.
    /// </summary>
    private async Task<PromptReply> SendPromptAsync(string sessionId, string prompt)
    {
        var tokenRetried = false;
        for (var rateLimited = 0; ; )
        {
            _promptSequence++;
            var input = new SendPromptInput(InstanceId, Profile, sessionId, prompt, _promptSequence);
            var step = await CallAsync<StepResult<PromptReply>>(ConversionActivityNames.SendPrompt, input, ConversionStage.Prompt, retry: false);
            if (step.Failure is not { } failure)
            {
                var reply = step.Value!;
                _warnings.AddRange(reply.Warnings);
                if (reply.HadText)
                {
                    _result = _result with { AgentText = string.IsNullOrEmpty(_result.AgentText) ? reply.Text : $"{_result.AgentText}\n\n{reply.Text}" };
                }

                return reply;
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
                _warnings.Add($"Nemo's answer to the prompt was unclear ({failure.Reason}); the draft was read instead of sending the prompt again.");
                return new PromptReply(string.Empty, HadText: false, Interrupted: true, AlreadySent: false, AskedQuestion: false, []);
            }

            throw Halt(failure);
        }
    }

    private Task<DraftSnapshot> ReadDraftAsync(string sessionId) =>
        StepAsync<DraftSnapshot>(ConversionStage.Draft, ConversionActivityNames.ReadDraft, new ReadDraftInput(Profile, sessionId));

    /// <summary>nemo-api.md: wait 30 s, then check every 60 s; give up after 5 checks without a change.</summary>
    private async Task<DraftSnapshot> RecoverDraftAsync(string sessionId, DraftSnapshot draft)
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
                _warnings.Add(string.Create(CultureInfo.InvariantCulture, $"The reply gave no draft; it appeared on state check {checks}."));
                return next;
            }

            unchanged = next.Fingerprint == draft.Fingerprint ? unchanged + 1 : 0;
            draft = next;
            if (unchanged >= RecoveryUnchangedChecks)
            {
                break;
            }
        }

        var said = string.IsNullOrWhiteSpace(_result.AgentText) ? "it said nothing" : $"it said: \"{Truncate(_result.AgentText!, 200)}\"";
        throw new ConversionHaltedException(new ConversionFailure(
            ConversionStage.Draft,
            FailureKind.Terminal,
            $"The Nemo agent did not produce a draft to render ({said}). Try a more specific prompt."));
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length), "…");
}
