namespace Nemo.Conversions;

/// <summary>What a run does in its sessions.</summary>
/// <param name="Images">Validated images for a fresh session (validated lazily, on first use).</param>
/// <param name="Prompt">The prompt for a fresh session.</param>
/// <param name="Language">The session language.</param>
/// <param name="ExistingSessionId">A session to continue first (iteration), or null.</param>
/// <param name="ExistingSessionPrompt">The prompt for that session.</param>
internal sealed record SessionPlan(
    Func<Task<IReadOnlyList<ImageInfo>>> Images,
    string Prompt,
    string Language,
    string? ExistingSessionId = null,
    string? ExistingSessionPrompt = null);

internal sealed partial class ConversionRun
{
    /// <summary>
    /// Session → upload → prompt → draft → render → wait → save. A lost session (1002) starts over in a new one,
    /// with a new upload and the prompt sent in the new session only; bounded by <see cref="MaxSessions"/>.
    /// </summary>
    public async Task WorkAsync(SessionPlan plan)
    {
        var sessionId = plan.ExistingSessionId;
        for (var sessions = 1; ; sessions++)
        {
            try
            {
                string prompt;
                if (sessionId is null)
                {
                    var images = await plan.Images();
                    Begin(ConversionStage.Session, "Creating a Nemo session");
                    sessionId = (await StepAsync<SessionRef>(ConversionStage.Session, ConversionActivityNames.CreateSession, new CreateSessionInput(Profile, plan.Language))).SessionId;
                    _result = _result with { SessionId = sessionId };
                    Begin(ConversionStage.Upload, $"Uploading {images.Count} image(s)");
                    await StepAsync<UploadSummary>(ConversionStage.Upload, ConversionActivityNames.UploadImages, new UploadImagesInput(Profile, sessionId, images));
                    prompt = plan.Prompt;
                }
                else
                {
                    _result = _result with { SessionId = sessionId };
                    prompt = plan.ExistingSessionPrompt ?? plan.Prompt;
                }

                var draft = await PromptAndDraftAsync(sessionId, prompt);
                _result = _result with { Timeline = draft.Summary };
                var render = await RenderAsync(sessionId);
                await SaveAsync(render);
                return;
            }
            catch (ConversionHaltedException halted) when (
                halted.Failure is { NemoCode: ConversionFailures.SessionNotFound } lost && sessions < MaxSessions)
            {
                Log.SessionLost(_logger, lost.Stage);
                _warnings.Add($"The Nemo session was lost at the {Describe(lost.Stage)} stage (1002); started over in a new session with a new upload.");
                sessionId = null;
                _activeRender = null;
                _finishedRender = null;
            }
        }
    }

    /// <summary>Checks that an earlier session still exists; false when it is gone (1002).</summary>
    public async Task<bool> SessionExistsAsync(string sessionId)
    {
        Begin(ConversionStage.Draft, "Checking the earlier session");
        try
        {
            await StepAsync<DraftSnapshot>(ConversionStage.Draft, ConversionActivityNames.ReadDraft, new ReadDraftInput(Profile, sessionId));
            return true;
        }
        catch (ConversionHaltedException halted) when (halted.Failure is { NemoCode: ConversionFailures.SessionNotFound })
        {
            return false;
        }
    }

    /// <summary>Records a warning for the result file.</summary>
    public void Warn(string warning) => _warnings.Add(warning);

    private async Task SaveAsync(RenderSnapshot render)
    {
        Begin(ConversionStage.Save, "Saving the MP4");
        var output = ConversionNames.Output(_result.Name, _result.Version);
        var saved = await StepAsync<SavedOutput>(ConversionStage.Save, ConversionActivityNames.SaveOutput, new SaveOutputInput(Profile, render.RenderId, output, InstanceId));
        _result = _result with { Output = saved.Key, OutputBytes = saved.Bytes };
        _finishedRender = null;
    }

    private static string Describe(ConversionStage stage) => stage.ToString().ToLowerInvariant();
}
