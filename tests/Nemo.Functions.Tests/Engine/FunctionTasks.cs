using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Nemo.Functions.Tests.Engine;

/// <summary>
/// Registers an app's orchestrator and activity functions with the Durable Task engine, found the way the Functions
/// SDK finds them: public methods with <see cref="FunctionAttribute"/> and an <see cref="OrchestrationTriggerAttribute"/>
/// or <see cref="ActivityTriggerAttribute"/> parameter. Orchestrators get the engine's
/// <see cref="TaskOrchestrationContext"/> (<see cref="FunctionOrchestrator"/>); activities are
/// <see cref="FunctionActivity"/>.
/// </summary>
internal static class FunctionTasks
{
    public static DurableTaskRegistry AddFunctionsOf(this DurableTaskRegistry registry, Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(registry);
        foreach (var (name, method, trigger) in Discover(assembly))
        {
            if (trigger.GetCustomAttribute<OrchestrationTriggerAttribute>() is not null)
            {
                registry.AddOrchestrator(name, () => new FunctionOrchestrator(method));
            }
            else
            {
                registry.AddActivity(name, services => new FunctionActivity(method, trigger.ParameterType, services));
            }
        }

        return registry;
    }

    /// <summary>The orchestrator and activity functions of <paramref name="assembly"/>: name, method and trigger parameter.</summary>
    public static IEnumerable<(string Name, MethodInfo Method, ParameterInfo Trigger)> Discover(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return
            from type in assembly.GetExportedTypes()
            from method in type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            let function = method.GetCustomAttribute<FunctionAttribute>()
            where function is not null
            let trigger = method.GetParameters().SingleOrDefault(p =>
                p.GetCustomAttribute<OrchestrationTriggerAttribute>() is not null || p.GetCustomAttribute<ActivityTriggerAttribute>() is not null)
            where trigger is not null
            select (function.Name, method, trigger);
    }
}
