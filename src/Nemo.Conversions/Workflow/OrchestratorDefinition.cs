using Microsoft.DurableTask;

namespace Nemo.Conversions;

/// <summary>An orchestrator a host must register.</summary>
/// <param name="Name">The orchestrator name (<c>ConversionWorkflow</c>).</param>
/// <param name="InputType">The input's type.</param>
/// <param name="RunAsync">Runs it against a context and input → output.</param>
public sealed record OrchestratorDefinition(
    string Name,
    Type InputType,
    Func<TaskOrchestrationContext, object?, Task<object?>> RunAsync);
