using Microsoft.Azure.Functions.Worker;
using Nemo.Conversions;

namespace Nemo.Functions.Durable;

/// <summary>
/// The activity functions: one per activity of <see cref="ConversionActivityNames"/>, each binding the activity's input
/// type on its <see cref="ActivityTriggerAttribute"/> parameter (the worker deserializes the input to it) and calling
/// <see cref="ConversionActivities"/>, created with the function class from the invocation's services.
/// </summary>
/// <remarks>A test checks that every activity has a function here with its name and input type.</remarks>
public sealed class ConversionActivityFunctions
{
    private readonly ConversionActivities _activities;

    /// <summary>Creates the functions over the invocation's activities.</summary>
    /// <param name="activities">The pipeline's activities.</param>
    public ConversionActivityFunctions(ConversionActivities activities)
    {
        ArgumentNullException.ThrowIfNull(activities);
        _activities = activities;
    }

    /// <summary><see cref="ConversionActivityNames.Validate"/>: validates the images by their content, before any Nemo call.</summary>
    /// <param name="input">The request.</param>
    /// <param name="cancellationToken">Cancelled when the host stops the invocation.</param>
    /// <returns>The activity's output.</returns>
    [Function(ConversionActivityNames.Validate)]
    public Task<StepResult<IReadOnlyList<ImageInfo>>> Validate([ActivityTrigger] ConversionRequest input, CancellationToken cancellationToken) =>
        _activities.ValidateAsync(input, cancellationToken);

    /// <summary><see cref="ConversionActivityNames.GetCredits"/>: reads the credit balance.</summary>
    /// <param name="input">Nothing (null): it takes no input.</param>
    /// <param name="cancellationToken">Cancelled when the host stops the invocation.</param>
    /// <returns>The activity's output.</returns>
    [Function(ConversionActivityNames.GetCredits)]
    public Task<CreditsSnapshot?> GetCredits([ActivityTrigger] string? input, CancellationToken cancellationToken) =>
        _activities.GetCreditsAsync(cancellationToken);

    /// <summary><see cref="ConversionActivityNames.CreateSession"/>: creates a Nemo session.</summary>
    /// <param name="input">The session's profile and language.</param>
    /// <param name="cancellationToken">Cancelled when the host stops the invocation.</param>
    /// <returns>The activity's output.</returns>
    [Function(ConversionActivityNames.CreateSession)]
    public Task<StepResult<SessionRef>> CreateSession([ActivityTrigger] CreateSessionInput input, CancellationToken cancellationToken) =>
        _activities.CreateSessionAsync(input, cancellationToken);

    /// <summary><see cref="ConversionActivityNames.UploadImages"/>: uploads the images.</summary>
    /// <param name="input">The images to upload.</param>
    /// <param name="cancellationToken">Cancelled when the host stops the invocation.</param>
    /// <returns>The activity's output.</returns>
    [Function(ConversionActivityNames.UploadImages)]
    public Task<StepResult<UploadSummary>> UploadImages([ActivityTrigger] UploadImagesInput input, CancellationToken cancellationToken) =>
        _activities.UploadImagesAsync(input, cancellationToken);

    /// <summary><see cref="ConversionActivityNames.SendPrompt"/>: sends the prompt (never retried by the runtime).</summary>
    /// <param name="input">The prompt.</param>
    /// <param name="cancellationToken">Cancelled when the host stops the invocation.</param>
    /// <returns>The activity's output.</returns>
    [Function(ConversionActivityNames.SendPrompt)]
    public Task<StepResult<PromptReply>> SendPrompt([ActivityTrigger] SendPromptInput input, CancellationToken cancellationToken) =>
        _activities.SendPromptAsync(input, cancellationToken);

    /// <summary><see cref="ConversionActivityNames.ReadDraft"/>: reads the session's draft.</summary>
    /// <param name="input">The session to read.</param>
    /// <param name="cancellationToken">Cancelled when the host stops the invocation.</param>
    /// <returns>The activity's output.</returns>
    [Function(ConversionActivityNames.ReadDraft)]
    public Task<StepResult<DraftSnapshot>> ReadDraft([ActivityTrigger] ReadDraftInput input, CancellationToken cancellationToken) =>
        _activities.ReadDraftAsync(input, cancellationToken);

    /// <summary><see cref="ConversionActivityNames.StartRender"/>: starts the render (export).</summary>
    /// <param name="input">The render to start.</param>
    /// <param name="cancellationToken">Cancelled when the host stops the invocation.</param>
    /// <returns>The activity's output.</returns>
    [Function(ConversionActivityNames.StartRender)]
    public Task<StepResult<RenderSnapshot>> StartRender([ActivityTrigger] StartRenderInput input, CancellationToken cancellationToken) =>
        _activities.StartRenderAsync(input, cancellationToken);

    /// <summary><see cref="ConversionActivityNames.CheckRender"/>: reads the render's status.</summary>
    /// <param name="input">The render to check.</param>
    /// <param name="cancellationToken">Cancelled when the host stops the invocation.</param>
    /// <returns>The activity's output.</returns>
    [Function(ConversionActivityNames.CheckRender)]
    public Task<StepResult<RenderSnapshot>> CheckRender([ActivityTrigger] RenderInput input, CancellationToken cancellationToken) =>
        _activities.CheckRenderAsync(input, cancellationToken);

    /// <summary><see cref="ConversionActivityNames.CancelRender"/>: cancels the render.</summary>
    /// <param name="input">The render to cancel.</param>
    /// <param name="cancellationToken">Cancelled when the host stops the invocation.</param>
    /// <returns>The activity's output.</returns>
    [Function(ConversionActivityNames.CancelRender)]
    public Task<StepResult<RenderSnapshot>> CancelRender([ActivityTrigger] RenderInput input, CancellationToken cancellationToken) =>
        _activities.CancelRenderAsync(input, cancellationToken);

    /// <summary><see cref="ConversionActivityNames.SaveOutput"/>: downloads the MP4 into the output store.</summary>
    /// <param name="input">The finished render to store.</param>
    /// <param name="cancellationToken">Cancelled when the host stops the invocation.</param>
    /// <returns>The activity's output.</returns>
    [Function(ConversionActivityNames.SaveOutput)]
    public Task<StepResult<SavedOutput>> SaveOutput([ActivityTrigger] SaveOutputInput input, CancellationToken cancellationToken) =>
        _activities.SaveOutputAsync(input, cancellationToken);

    /// <summary><see cref="ConversionActivityNames.WriteResult"/>: writes the result file.</summary>
    /// <param name="input">The result to write.</param>
    /// <param name="cancellationToken">Cancelled when the host stops the invocation.</param>
    /// <returns>The activity's output.</returns>
    [Function(ConversionActivityNames.WriteResult)]
    public Task<string> WriteResult([ActivityTrigger] ConversionResult input, CancellationToken cancellationToken) =>
        _activities.WriteResultAsync(input, cancellationToken);

    /// <summary><see cref="ConversionActivityNames.PublishEvent"/>: publishes the completion event.</summary>
    /// <param name="input">The result to announce.</param>
    /// <param name="cancellationToken">Cancelled when the host stops the invocation.</param>
    /// <returns>The activity's output.</returns>
    [Function(ConversionActivityNames.PublishEvent)]
    public Task<string?> PublishEvent([ActivityTrigger] ConversionResult input, CancellationToken cancellationToken) =>
        _activities.PublishEventAsync(input, cancellationToken);

    /// <summary><see cref="ConversionActivityNames.ReadResult"/>: reads an earlier conversion's result.</summary>
    /// <param name="input">The result to read.</param>
    /// <param name="cancellationToken">Cancelled when the host stops the invocation.</param>
    /// <returns>The activity's output.</returns>
    [Function(ConversionActivityNames.ReadResult)]
    public Task<ConversionResult?> ReadResult([ActivityTrigger] ReadResultInput input, CancellationToken cancellationToken) =>
        _activities.ReadResultAsync(input, cancellationToken);

    /// <summary><see cref="ConversionActivityNames.WriteSummary"/>: writes a batch's summary.</summary>
    /// <param name="input">The batch summary to write.</param>
    /// <param name="cancellationToken">Cancelled when the host stops the invocation.</param>
    /// <returns>The activity's output.</returns>
    [Function(ConversionActivityNames.WriteSummary)]
    public Task<string> WriteSummary([ActivityTrigger] BatchSummary input, CancellationToken cancellationToken) =>
        _activities.WriteSummaryAsync(input, cancellationToken);
}
