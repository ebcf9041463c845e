using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Nemo.Conversions;

namespace Nemo.Functions.Durable;

/// <summary>
/// The orchestrator functions: one per <see cref="ConversionWorkflow.Orchestrators"/> entry, each running the pipeline's
/// orchestrator against the adapted context. The input is a typed parameter beside the trigger: the Durable extension
/// binds the orchestration's input to it (deserialized to the declared type), as it does for activity triggers.
/// </summary>
public static class ConversionOrchestratorFunctions
{
    /// <summary><see cref="ConversionWorkflow.Conversion"/>: one conversion.</summary>
    /// <param name="context">The Durable orchestration context.</param>
    /// <param name="input">The conversion to run.</param>
    /// <returns>The <see cref="ConversionResult"/>.</returns>
    [Function(ConversionWorkflow.Conversion)]
    public static Task<object?> Conversion([OrchestrationTrigger] TaskOrchestrationContext context, ConversionRequest input) =>
        RunAsync(ConversionWorkflow.Conversion, context, input);

    /// <summary><see cref="ConversionWorkflow.Batch"/>: a job folder, each item a child conversion.</summary>
    /// <param name="context">The Durable orchestration context.</param>
    /// <param name="input">The job to run.</param>
    /// <returns>The <see cref="BatchSummary"/>.</returns>
    [Function(ConversionWorkflow.Batch)]
    public static Task<object?> Batch([OrchestrationTrigger] TaskOrchestrationContext context, BatchRequest input) =>
        RunAsync(ConversionWorkflow.Batch, context, input);

    /// <summary><see cref="ConversionWorkflow.Iteration"/>: a refinement of an earlier conversion.</summary>
    /// <param name="context">The Durable orchestration context.</param>
    /// <param name="input">The refinement to run.</param>
    /// <returns>The <see cref="ConversionResult"/> of the new version.</returns>
    [Function(ConversionWorkflow.Iteration)]
    public static Task<object?> Iteration([OrchestrationTrigger] TaskOrchestrationContext context, IterationRequest input) =>
        RunAsync(ConversionWorkflow.Iteration, context, input);

    internal static Task<object?> RunAsync(string name, TaskOrchestrationContext context, object? input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var definition = ConversionWorkflow.Orchestrators.Single(o => o.Name == name);
        return definition.RunAsync(new DurableOrchestrationContext(context), input);
    }
}
