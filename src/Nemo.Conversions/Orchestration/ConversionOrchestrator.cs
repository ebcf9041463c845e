using System.Diagnostics.CodeAnalysis;
using Microsoft.DurableTask;

namespace Nemo.Conversions;

/// <summary>
/// One conversion: validate → credits → session → upload → prompt → draft → render → wait → save → credits → result
/// file → event. Never throws for a failed conversion: the result says how it ended.
/// </summary>
[SuppressMessage("Reliability", "CA2007:Consider calling ConfigureAwait on the awaited task", Justification = "Orchestration code must resume on the orchestration's own scheduler.")]
public static class ConversionOrchestrator
{
    /// <summary>Runs the conversion against <paramref name="context"/>.</summary>
    public static async Task<ConversionResult> RunAsync(TaskOrchestrationContext context, ConversionRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        using var run = new ConversionRun(context, request.Name, request.Profile, request.Prompt, request.Images);
        return await run.CompleteAsync(() => run.WorkAsync(new SessionPlan(
            () => run.ValidateAsync(request),
            PromptComposer.Compose(request.Prompt, request.Options),
            request.Options?.Language ?? "en")));
    }
}
