using System.Diagnostics.CodeAnalysis;
using Microsoft.DurableTask;

namespace Nemo.Conversions;

/// <summary>
/// Refines a finished conversion: the new prompt in the same session when it still exists, saved as the next version
/// (<c>&lt;name&gt;.v2.mp4</c>); when the session is gone, a fresh conversion of the original images with
/// "&lt;original prompt&gt;\n\nThen: &lt;new prompt&gt;", saved as that version too.
/// </summary>
[SuppressMessage("Reliability", "CA2007:Consider calling ConfigureAwait on the awaited task", Justification = "Orchestration code must resume on the orchestration's own scheduler.")]
public sealed class IterationOrchestrator : TaskOrchestrator<IterationRequest, ConversionResult>
{
    /// <summary>Runs the iteration against <paramref name="context"/>.</summary>
    public override async Task<ConversionResult> RunAsync(TaskOrchestrationContext context, IterationRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        ConversionResult? previous;
        try
        {
            previous = await context.CallActivityAsync<ConversionResult?>(
                ConversionActivityNames.ReadResult, new ReadResultInput(input.Name), ConversionWorkflow.ActivityRetry);
        }
        catch (TaskFailedException ex)
        {
            return NotFound(context, input, $"internal error: the earlier result could not be read ({ex.FailureDetails.ErrorMessage})");
        }

        if (previous is null)
        {
            return NotFound(context, input, $"There is no earlier conversion named '{input.Name}' to refine; convert the images first.");
        }

        // The result records the whole instruction so far, so a later fallback can replay it in a fresh session.
        var combined = $"{previous.Prompt}\n\nThen: {input.Prompt}";
        return await ConversionOrchestrator.ConvertAsync(context, new ConversionPlan(
            new ConversionRequest(previous.Name, previous.Images, combined, previous.Profile),
            PromptComposer.Compose(combined, null),
            "en",
            previous.Version + 1,
            EarlierSessionId: previous.SessionId,
            EarlierSessionPrompt: input.Prompt));
    }

    private static ConversionResult NotFound(TaskOrchestrationContext context, IterationRequest request, string reason) =>
        new()
        {
            Id = context.InstanceId,
            Name = request.Name,
            Status = ConversionStatus.Failed,
            Profile = "best",
            Prompt = request.Prompt,
            Failure = new ConversionFailure(ConversionStage.Validate, FailureKind.Terminal, reason),
            StartedAt = context.CurrentUtcDateTime,
            CompletedAt = context.CurrentUtcDateTime,
        };
}
