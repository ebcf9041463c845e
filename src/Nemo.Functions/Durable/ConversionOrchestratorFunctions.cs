using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Nemo.Conversions;

namespace Nemo.Functions.Durable;

/// <summary>
/// The orchestrator functions: one per <see cref="ConversionWorkflow.Orchestrators"/> entry, each reading its typed input
/// and running the pipeline's orchestrator against the adapted context.
/// </summary>
public static class ConversionOrchestratorFunctions
{
    /// <summary><see cref="ConversionWorkflow.Conversion"/>: one conversion.</summary>
    /// <param name="context">The Durable orchestration context.</param>
    /// <returns>The <see cref="ConversionResult"/>.</returns>
    [Function(ConversionWorkflow.Conversion)]
    public static Task<object?> Conversion([OrchestrationTrigger] TaskOrchestrationContext context) =>
        RunAsync(ConversionWorkflow.Conversion, context, static c => c.GetInput<ConversionRequest>());

    /// <summary><see cref="ConversionWorkflow.Batch"/>: a job folder, each item a child conversion.</summary>
    /// <param name="context">The Durable orchestration context.</param>
    /// <returns>The <see cref="BatchSummary"/>.</returns>
    [Function(ConversionWorkflow.Batch)]
    public static Task<object?> Batch([OrchestrationTrigger] TaskOrchestrationContext context) =>
        RunAsync(ConversionWorkflow.Batch, context, static c => c.GetInput<BatchRequest>());

    /// <summary><see cref="ConversionWorkflow.Iteration"/>: a refinement of an earlier conversion.</summary>
    /// <param name="context">The Durable orchestration context.</param>
    /// <returns>The <see cref="ConversionResult"/> of the new version.</returns>
    [Function(ConversionWorkflow.Iteration)]
    public static Task<object?> Iteration([OrchestrationTrigger] TaskOrchestrationContext context) =>
        RunAsync(ConversionWorkflow.Iteration, context, static c => c.GetInput<IterationRequest>());

    internal static Task<object?> RunAsync(string name, TaskOrchestrationContext context, Func<TaskOrchestrationContext, object?> readInput)
    {
        ArgumentNullException.ThrowIfNull(context);
        var definition = ConversionWorkflow.Orchestrators.Single(o => o.Name == name);
        return definition.RunAsync(new DurableOrchestrationContext(context), readInput(context));
    }
}
