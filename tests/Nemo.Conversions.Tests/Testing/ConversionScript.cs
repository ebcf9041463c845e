using Nemo.Client;

namespace Nemo.Conversions.Tests.Testing;

/// <summary>Scripts for <see cref="ScriptedOrchestrationContext"/>: a conversion that succeeds, to be overridden per test.</summary>
internal static class ConversionScript
{
    public static readonly ConversionRequest Request = new("beach", ["in/beach.jpg"], "make a video", "best");

    public static DraftSnapshot Draft(bool exportable = true, string fingerprint = "fp-1") =>
        new(exportable, exportable ? "Timeline (1 track): 1. Video: beach (0-5s)" : "Timeline (0 tracks): empty", fingerprint, exportable ? 1 : 0, exportable ? 5000 : null);

    public static PromptReply Reply(string text = "Here is your video.", bool interrupted = false, bool alreadySent = false, bool asked = false) =>
        new(text, text.Length > 0, interrupted, alreadySent, asked, []);

    public static StepResult<T> Ok<T>(T value) => StepResults.Ok(value);

    public static StepResult<T> Fail<T>(ConversionStage stage, FailureKind kind, int? code = null, int? http = null, double? retryAfter = null, string reason = "it failed") =>
        StepResults.Fail<T>(new ConversionFailure(stage, kind, reason, code, http, retryAfter));

    public static StepResult<RenderSnapshot> Render(string id, RenderState state, int? progress = null, string? error = null, double? retryAfter = null) =>
        Ok(new RenderSnapshot(id, state, progress, error, retryAfter));

    /// <summary>
    /// Every activity answers with success; sessions and renders get fresh ids (<c>s1</c>, <c>render_1</c>, …); timers
    /// move the clock by <paramref name="timerScale"/> of their wait (<see cref="ScriptedOrchestrationContext.TimerScale"/>).
    /// </summary>
    public static ScriptedOrchestrationContext Happy(string instanceId = "conv-test", double timerScale = 1)
    {
        var context = new ScriptedOrchestrationContext(instanceId) { TimerScale = timerScale };
        var sessions = 0;
        var renders = 0;
        return context
            .Always(ConversionActivityNames.Validate, Ok<IReadOnlyList<ImageInfo>>([new ImageInfo("in/beach.jpg", "beach.jpg", "jpg", 1000)]))
            .Always(ConversionActivityNames.GetCredits, new CreditsSnapshot(100, 0, 100))
            .On(ConversionActivityNames.CreateSession, _ => Ok(new SessionRef($"s{++sessions}", "t")))
            .Always(ConversionActivityNames.UploadImages, Ok(new UploadSummary(1, false)))
            .Always(ConversionActivityNames.SendPrompt, Ok(Reply()))
            .Always(ConversionActivityNames.ReadDraft, Ok(Draft()))
            .On(ConversionActivityNames.StartRender, _ => Render($"render_{++renders}", RenderState.Pending, 5))
            .On(ConversionActivityNames.CheckRender, input => Render(input!.Value.GetProperty("renderId").GetString()!, RenderState.Completed, 100))
            .On(ConversionActivityNames.CancelRender, input => Render(input!.Value.GetProperty("renderId").GetString()!, RenderState.Cancelled))
            .On(ConversionActivityNames.SaveOutput, input => Ok(new SavedOutput(input!.Value.GetProperty("outputName").GetString()!, 1234)))
            .On(ConversionActivityNames.WriteResult, input => input!.Value.GetProperty("name").GetString() + ".result.json")
            .Always(ConversionActivityNames.PublishEvent, (string?)null);
    }

    /// <summary>The SendPrompt inputs, in order.</summary>
    public static IReadOnlyList<SendPromptInput> Prompts(ScriptedOrchestrationContext context) =>
        context.Activities.Where(a => a.Name == ConversionActivityNames.SendPrompt)
            .Select(a => System.Text.Json.JsonSerializer.Deserialize<SendPromptInput>(a.Input!.Value, ConversionJson.Compact)!)
            .ToArray();

    public static Task<ConversionResult> RunAsync(ScriptedOrchestrationContext context, ConversionRequest? request = null) =>
        new ConversionOrchestrator().RunAsync(context, request ?? Request);
}
