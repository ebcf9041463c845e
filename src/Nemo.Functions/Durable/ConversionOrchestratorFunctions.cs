using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Nemo.Conversions;

namespace Nemo.Functions.Durable;

/// <summary>
/// The orchestrator functions: the pipeline's orchestrators, run on the Durable extension's own
/// <see cref="TaskOrchestrationContext"/>. The input is a typed parameter beside the trigger: the Durable extension binds
/// the orchestration's input to it (deserialized to the declared type), as it does for activity triggers.
/// </summary>
public static class ConversionOrchestratorFunctions
{
    /// <summary><see cref="ConversionWorkflow.Conversion"/>: one conversion.</summary>
    /// <param name="context">The Durable orchestration context.</param>
    /// <param name="input">The conversion to run.</param>
    /// <returns>How the conversion ended.</returns>
    [Function(ConversionWorkflow.Conversion)]
    public static Task<ConversionResult> Conversion([OrchestrationTrigger] TaskOrchestrationContext context, ConversionRequest input) =>
        new ConversionOrchestrator().RunAsync(context, input);

    /// <summary><see cref="ConversionWorkflow.Batch"/>: a job folder, each item a child conversion.</summary>
    /// <param name="context">The Durable orchestration context.</param>
    /// <param name="input">The job to run.</param>
    /// <returns>The batch's summary.</returns>
    [Function(ConversionWorkflow.Batch)]
    public static Task<BatchSummary> Batch([OrchestrationTrigger] TaskOrchestrationContext context, BatchRequest input) =>
        new BatchOrchestrator().RunAsync(context, input);

    /// <summary><see cref="ConversionWorkflow.Iteration"/>: a refinement of an earlier conversion.</summary>
    /// <param name="context">The Durable orchestration context.</param>
    /// <param name="input">The refinement to run.</param>
    /// <returns>How the new version ended.</returns>
    [Function(ConversionWorkflow.Iteration)]
    public static Task<ConversionResult> Iteration([OrchestrationTrigger] TaskOrchestrationContext context, IterationRequest input) =>
        new IterationOrchestrator().RunAsync(context, input);
}
