using Microsoft.Azure.Functions.Worker;
using Nemo.Conversions;

namespace Nemo.Functions.Durable;

/// <summary>
/// The activity functions: one per <see cref="ConversionWorkflow.Activities"/> entry, each declaring the definition's
/// input type (the worker deserializes <see cref="ActivityTriggerAttribute"/> parameters to the declared type) and
/// delegating to the definition, which resolves <see cref="ConversionActivities"/> from the invocation's services.
/// </summary>
/// <remarks>A test checks that every definition has a function here with its name and input type.</remarks>
public sealed class ConversionActivityFunctions
{
    private static readonly Dictionary<string, ActivityDefinition> Definitions =
        ConversionWorkflow.Activities.ToDictionary(a => a.Name, StringComparer.Ordinal);

    private readonly IServiceProvider _services;

    /// <summary>Creates the functions over the invocation's services.</summary>
    /// <param name="services">The services the definitions resolve the activities from.</param>
    public ConversionActivityFunctions(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _services = services;
    }

    /// <summary><see cref="ConversionActivityNames.Validate"/>.</summary>
    /// <param name="input">The request.</param>
    /// <param name="cancellationToken">Cancelled when the host stops the invocation.</param>
    /// <returns>The activity's output.</returns>
    [Function(ConversionActivityNames.Validate)]
    public Task<object?> Validate([ActivityTrigger] ConversionRequest input, CancellationToken cancellationToken) =>
        RunAsync(ConversionActivityNames.Validate, input, cancellationToken);

    /// <summary><see cref="ConversionActivityNames.GetCredits"/> (takes no input; the trigger value is ignored).</summary>
    /// <param name="input">Nothing (null).</param>
    /// <param name="cancellationToken">Cancelled when the host stops the invocation.</param>
    /// <returns>The activity's output.</returns>
    [Function(ConversionActivityNames.GetCredits)]
    public Task<object?> GetCredits([ActivityTrigger] string? input, CancellationToken cancellationToken) =>
        RunAsync(ConversionActivityNames.GetCredits, input, cancellationToken);

    /// <summary><see cref="ConversionActivityNames.CreateSession"/>.</summary>
    /// <param name="input">The session's profile and language.</param>
    /// <param name="cancellationToken">Cancelled when the host stops the invocation.</param>
    /// <returns>The activity's output.</returns>
    [Function(ConversionActivityNames.CreateSession)]
    public Task<object?> CreateSession([ActivityTrigger] CreateSessionInput input, CancellationToken cancellationToken) =>
        RunAsync(ConversionActivityNames.CreateSession, input, cancellationToken);

    /// <summary><see cref="ConversionActivityNames.UploadImages"/>.</summary>
    /// <param name="input">The images to upload.</param>
    /// <param name="cancellationToken">Cancelled when the host stops the invocation.</param>
    /// <returns>The activity's output.</returns>
    [Function(ConversionActivityNames.UploadImages)]
    public Task<object?> UploadImages([ActivityTrigger] UploadImagesInput input, CancellationToken cancellationToken) =>
        RunAsync(ConversionActivityNames.UploadImages, input, cancellationToken);

    /// <summary><see cref="ConversionActivityNames.SendPrompt"/> (never retried by the runtime).</summary>
    /// <param name="input">The prompt.</param>
    /// <param name="cancellationToken">Cancelled when the host stops the invocation.</param>
    /// <returns>The activity's output.</returns>
    [Function(ConversionActivityNames.SendPrompt)]
    public Task<object?> SendPrompt([ActivityTrigger] SendPromptInput input, CancellationToken cancellationToken) =>
        RunAsync(ConversionActivityNames.SendPrompt, input, cancellationToken);

    /// <summary><see cref="ConversionActivityNames.ReadDraft"/>.</summary>
    /// <param name="input">The session to read.</param>
    /// <param name="cancellationToken">Cancelled when the host stops the invocation.</param>
    /// <returns>The activity's output.</returns>
    [Function(ConversionActivityNames.ReadDraft)]
    public Task<object?> ReadDraft([ActivityTrigger] ReadDraftInput input, CancellationToken cancellationToken) =>
        RunAsync(ConversionActivityNames.ReadDraft, input, cancellationToken);

    /// <summary><see cref="ConversionActivityNames.StartRender"/>.</summary>
    /// <param name="input">The render to start.</param>
    /// <param name="cancellationToken">Cancelled when the host stops the invocation.</param>
    /// <returns>The activity's output.</returns>
    [Function(ConversionActivityNames.StartRender)]
    public Task<object?> StartRender([ActivityTrigger] StartRenderInput input, CancellationToken cancellationToken) =>
        RunAsync(ConversionActivityNames.StartRender, input, cancellationToken);

    /// <summary><see cref="ConversionActivityNames.CheckRender"/>.</summary>
    /// <param name="input">The render to check.</param>
    /// <param name="cancellationToken">Cancelled when the host stops the invocation.</param>
    /// <returns>The activity's output.</returns>
    [Function(ConversionActivityNames.CheckRender)]
    public Task<object?> CheckRender([ActivityTrigger] RenderInput input, CancellationToken cancellationToken) =>
        RunAsync(ConversionActivityNames.CheckRender, input, cancellationToken);

    /// <summary><see cref="ConversionActivityNames.CancelRender"/>.</summary>
    /// <param name="input">The render to cancel.</param>
    /// <param name="cancellationToken">Cancelled when the host stops the invocation.</param>
    /// <returns>The activity's output.</returns>
    [Function(ConversionActivityNames.CancelRender)]
    public Task<object?> CancelRender([ActivityTrigger] RenderInput input, CancellationToken cancellationToken) =>
        RunAsync(ConversionActivityNames.CancelRender, input, cancellationToken);

    /// <summary><see cref="ConversionActivityNames.SaveOutput"/>.</summary>
    /// <param name="input">The finished render to store.</param>
    /// <param name="cancellationToken">Cancelled when the host stops the invocation.</param>
    /// <returns>The activity's output.</returns>
    [Function(ConversionActivityNames.SaveOutput)]
    public Task<object?> SaveOutput([ActivityTrigger] SaveOutputInput input, CancellationToken cancellationToken) =>
        RunAsync(ConversionActivityNames.SaveOutput, input, cancellationToken);

    /// <summary><see cref="ConversionActivityNames.WriteResult"/>.</summary>
    /// <param name="input">The result to write.</param>
    /// <param name="cancellationToken">Cancelled when the host stops the invocation.</param>
    /// <returns>The activity's output.</returns>
    [Function(ConversionActivityNames.WriteResult)]
    public Task<object?> WriteResult([ActivityTrigger] ConversionResult input, CancellationToken cancellationToken) =>
        RunAsync(ConversionActivityNames.WriteResult, input, cancellationToken);

    /// <summary><see cref="ConversionActivityNames.PublishEvent"/>.</summary>
    /// <param name="input">The result to announce.</param>
    /// <param name="cancellationToken">Cancelled when the host stops the invocation.</param>
    /// <returns>The activity's output.</returns>
    [Function(ConversionActivityNames.PublishEvent)]
    public Task<object?> PublishEvent([ActivityTrigger] ConversionResult input, CancellationToken cancellationToken) =>
        RunAsync(ConversionActivityNames.PublishEvent, input, cancellationToken);

    /// <summary><see cref="ConversionActivityNames.ReadResult"/>.</summary>
    /// <param name="input">The result to read.</param>
    /// <param name="cancellationToken">Cancelled when the host stops the invocation.</param>
    /// <returns>The activity's output.</returns>
    [Function(ConversionActivityNames.ReadResult)]
    public Task<object?> ReadResult([ActivityTrigger] ReadResultInput input, CancellationToken cancellationToken) =>
        RunAsync(ConversionActivityNames.ReadResult, input, cancellationToken);

    /// <summary><see cref="ConversionActivityNames.WriteSummary"/>.</summary>
    /// <param name="input">The batch summary to write.</param>
    /// <param name="cancellationToken">Cancelled when the host stops the invocation.</param>
    /// <returns>The activity's output.</returns>
    [Function(ConversionActivityNames.WriteSummary)]
    public Task<object?> WriteSummary([ActivityTrigger] BatchSummary input, CancellationToken cancellationToken) =>
        RunAsync(ConversionActivityNames.WriteSummary, input, cancellationToken);

    private Task<object?> RunAsync(string name, object? input, CancellationToken cancellationToken) =>
        Definitions[name].InvokeAsync(_services, input, cancellationToken);
}
