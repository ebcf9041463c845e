using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Nemo.Client;

namespace Nemo.Conversions;

public sealed partial class ConversionActivities
{
    /// <summary>
    /// <see cref="ConversionActivityNames.SendPrompt"/>: reserves the prompt in the spend ledger, then sends it and
    /// reads the reply. A prompt the ledger already holds is not sent again (<see cref="PromptReply.AlreadySent"/>);
    /// a stream that breaks after the prompt went out is a value (<see cref="PromptReply.Interrupted"/>), not a failure.
    /// </summary>
    public async Task<StepResult<PromptReply>> SendPromptAsync(SendPromptInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var key = string.Create(CultureInfo.InvariantCulture, $"{input.InstanceId}/prompt/{input.Sequence}");
        if (!(await _ledger.ClaimAsync(key, input.InstanceId, cancellationToken).ConfigureAwait(false)).IsNew)
        {
            Log.PromptAlreadySent(_logger, input.Sequence);
            return StepResults.Ok(new PromptReply(
                string.Empty, HadText: false, Interrupted: false, AlreadySent: true, AskedQuestion: false,
                ["An earlier attempt already sent this prompt; it was not sent again (the draft was read instead)."]));
        }

        var client = For(input.Profile);
        var builder = new ChatReplyBuilder();
        var started = false;
        try
        {
            await foreach (var chatEvent in client.SendPromptAsync(input.SessionId, input.Prompt, cancellationToken).ConfigureAwait(false))
            {
                started = true;
                builder.Add(chatEvent);
            }
        }
        catch (NemoStreamInterruptedException ex)
        {
            Log.PromptInterrupted(_logger, ex.Reason);
            var partial = builder.Build();
            return StepResults.Ok(new PromptReply(
                partial.Text, partial.HadText, Interrupted: true, AlreadySent: false, AskedQuestion: false,
                [.. Warnings(partial), $"The reply stream stopped early ({ex.Reason}); the draft was read instead of sending the prompt again."]));
        }
        catch (NemoApiException ex) when (!started)
        {
            // Refused before any event arrived: 1001, 1002, 2001, a 5xx or a JSON answer on the POST.
            return Fail<PromptReply>(ConversionStage.Prompt, ex);
        }
        catch (NemoApiException ex)
        {
            Log.PromptInterrupted(_logger, StreamInterruption.Dropped);
            var partial = builder.Build();
            return StepResults.Ok(new PromptReply(
                partial.Text, partial.HadText, Interrupted: true, AlreadySent: false, AskedQuestion: false,
                [.. Warnings(partial), $"The reply stream failed after it started ({ex.Meaning}); the draft was read instead."]));
        }

        var reply = builder.Build();
        // A turn that ended with words and no tool call did no work: the agent asked or answered instead of drafting.
        // Punctuation proves nothing ("Could you tell me more? For example the motion." ends with a full stop).
        var asked = reply.ToolCalls.Count == 0 && reply.HadText;
        return StepResults.Ok(new PromptReply(reply.Text, reply.HadText, Interrupted: false, AlreadySent: false, asked, Warnings(reply)));
    }

    /// <summary><see cref="ConversionActivityNames.ReadDraft"/>: what the session's draft looks like now.</summary>
    public async Task<StepResult<DraftSnapshot>> ReadDraftAsync(ReadDraftInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            var state = await For(input.Profile).GetStateAsync(input.SessionId, cancellationToken).ConfigureAwait(false);
            return StepResults.Ok(Snapshot(state.Draft));
        }
        catch (NemoApiException ex)
        {
            return Fail<DraftSnapshot>(ConversionStage.Draft, ex);
        }
    }

    internal static DraftSnapshot Snapshot(NemoDraft? draft)
    {
        if (draft is null)
        {
            return new DraftSnapshot(false, "Timeline (0 tracks): empty", Fingerprint(string.Empty), 0, null);
        }

        var json = draft.ToJsonObject().ToJsonString();
        return new DraftSnapshot(
            draft.IsExportable,
            draft.Summarize(),
            Fingerprint(json),
            draft.Tracks.Count,
            draft.Duration is { } duration ? (long)duration.TotalMilliseconds : null);
    }

    private static string Fingerprint(string json) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));

    private static List<string> Warnings(ChatReply reply)
    {
        var warnings = new List<string>();
        foreach (var error in reply.Errors)
        {
            warnings.Add($"Nemo reported an error during the reply: {error.Message}");
        }

        if (reply.ReportedTemporaryIssue)
        {
            warnings.Add("The agent mentioned a temporary issue.");
        }

        if (reply.Suggestions.Contains(AgentSuggestion.SendEdit))
        {
            warnings.Add("The agent suggested a manual edit; the pipeline does not send further prompts on its own.");
        }

        return warnings;
    }
}
