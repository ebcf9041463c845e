namespace Nemo.Conversions;

/// <summary>Activity names, shared by the orchestrations and both hosts.</summary>
public static class ConversionActivityNames
{
    /// <summary><see cref="ConversionRequest"/> → <c>StepResult&lt;IReadOnlyList&lt;ImageInfo&gt;&gt;</c>.</summary>
    public const string Validate = "Validate";

    /// <summary>no input → <c>CreditsSnapshot?</c> (null when Nemo could not be asked).</summary>
    public const string GetCredits = "GetCredits";

    /// <summary><see cref="CreateSessionInput"/> → <c>StepResult&lt;SessionRef&gt;</c>.</summary>
    public const string CreateSession = "CreateSession";

    /// <summary><see cref="UploadImagesInput"/> → <c>StepResult&lt;UploadSummary&gt;</c>.</summary>
    public const string UploadImages = "UploadImages";

    /// <summary><see cref="SendPromptInput"/> → <c>StepResult&lt;PromptReply&gt;</c>. Never retried by the runtime.</summary>
    public const string SendPrompt = "SendPrompt";

    /// <summary><see cref="ReadDraftInput"/> → <c>StepResult&lt;DraftSnapshot&gt;</c>.</summary>
    public const string ReadDraft = "ReadDraft";

    /// <summary><see cref="RenderInput"/> → <c>StepResult&lt;RenderSnapshot&gt;</c>.</summary>
    public const string StartRender = "StartRender";

    /// <summary><see cref="RenderInput"/> → <c>StepResult&lt;RenderSnapshot&gt;</c>.</summary>
    public const string CheckRender = "CheckRender";

    /// <summary><see cref="RenderInput"/> → <c>StepResult&lt;RenderSnapshot&gt;</c>.</summary>
    public const string CancelRender = "CancelRender";

    /// <summary><see cref="SaveOutputInput"/> → <c>StepResult&lt;SavedOutput&gt;</c>.</summary>
    public const string SaveOutput = "SaveOutput";

    /// <summary><see cref="ConversionResult"/> → the result file's key.</summary>
    public const string WriteResult = "WriteResult";

    /// <summary><see cref="ConversionResult"/> → whether an event was published.</summary>
    public const string PublishEvent = "PublishEvent";

    /// <summary><see cref="ReadResultInput"/> → the <see cref="ConversionResult"/> of that version (the highest when none is given), or null.</summary>
    public const string ReadResult = "ReadResult";

    /// <summary><see cref="BatchSummary"/> → the summary file's key.</summary>
    public const string WriteSummary = "WriteSummary";
}
