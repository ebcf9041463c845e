using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Nemo.Functions.Tests.Engine;

/// <summary>
/// One of the app's <c>[OrchestrationTrigger]</c> functions as a Durable orchestrator, invoked the way the Functions
/// worker invokes it: the trigger parameter gets the engine's <see cref="TaskOrchestrationContext"/>; the one other
/// parameter, if any, is the orchestration input, deserialized to its declared type (the extension's orchestration
/// input converter makes that type the orchestrator's input type); what the function returns is the output.
/// </summary>
internal sealed class FunctionOrchestrator : ITaskOrchestrator
{
    private readonly MethodInfo _method;
    private readonly ParameterInfo[] _parameters;

    public FunctionOrchestrator(MethodInfo method)
    {
        _method = method;
        _parameters = method.GetParameters();
        var inputs = _parameters.Where(p => p.GetCustomAttribute<OrchestrationTriggerAttribute>() is null).ToList();
        if (!method.IsStatic || inputs.Count > 1)
        {
            throw new NotSupportedException($"Orchestrator function {method.Name} must be static and take its context and at most one input.");
        }

        InputType = inputs.SingleOrDefault()?.ParameterType ?? typeof(object);
    }

    public Type InputType { get; }

    public Type OutputType => typeof(object);

    public Task<object?> RunAsync(TaskOrchestrationContext context, object? input) =>
        FunctionInvoker.InvokeAsync(
            _method,
            null,
            [.. _parameters.Select(p => p.GetCustomAttribute<OrchestrationTriggerAttribute>() is null ? input : context)]);
}
