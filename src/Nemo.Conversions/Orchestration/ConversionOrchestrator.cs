using System.Diagnostics.CodeAnalysis;
using Microsoft.DurableTask;

namespace Nemo.Conversions;

/// <summary>
/// One conversion: validate → credits → session → upload → prompt → draft → render → wait → save → credits → result
/// file → event. Never throws for a failed conversion: the result says how it ended.
/// </summary>
[SuppressMessage("Reliability", "CA2007:Consider calling ConfigureAwait on the awaited task", Justification = "Orchestration code must resume on the orchestration's own scheduler.")]
public sealed class ConversionOrchestrator : TaskOrchestrator<ConversionRequest, ConversionResult>
{
    /// <summary>Runs the conversion against <paramref name="context"/>.</summary>
    public override async Task<ConversionResult> RunAsync(TaskOrchestrationContext context, ConversionRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        using var run = new ConversionRun(context, input.Name, input.Profile, input.Prompt, input.Images);
        return await run.CompleteAsync(() => run.WorkAsync(new SessionPlan(
            () => run.ValidateAsync(input),
            PromptComposer.Compose(input.Prompt, input.Options),
            input.Options?.Language ?? "en")));
    }
}
