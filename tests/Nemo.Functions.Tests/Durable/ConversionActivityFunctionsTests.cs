using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Nemo.Conversions;
using Nemo.Functions.Durable;

namespace Nemo.Functions.Tests.Durable;

public sealed class ConversionActivityFunctionsTests
{
    private static Dictionary<string, MethodInfo> Functions() =>
        typeof(ConversionActivityFunctions).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
            .ToDictionary(m => m.GetCustomAttribute<FunctionAttribute>()!.Name, StringComparer.Ordinal);

    [Fact]
    public void Every_activity_of_the_workflow_has_exactly_one_function_of_that_name()
    {
        Assert.Equal(
            ConversionWorkflow.Activities.Select(a => a.Name).Order(StringComparer.Ordinal),
            Functions().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Each_function_declares_the_definition_input_type_on_its_activity_trigger()
    {
        var functions = Functions();
        foreach (var definition in ConversionWorkflow.Activities)
        {
            var trigger = Assert.Single(functions[definition.Name].GetParameters(), p => p.GetCustomAttribute<ActivityTriggerAttribute>() is not null);

            // Activities without input take the (null) trigger value as a string and ignore it.
            Assert.Equal(definition.InputType ?? typeof(string), trigger.ParameterType);
            Assert.Contains(functions[definition.Name].GetParameters(), p => p.ParameterType == typeof(CancellationToken));
        }
    }
}
