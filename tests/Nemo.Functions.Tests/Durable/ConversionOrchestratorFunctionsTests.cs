using Nemo.Conversions;
using Nemo.Functions.Durable;

namespace Nemo.Functions.Tests.Durable;

public sealed class ConversionOrchestratorFunctionsTests
{
    private static readonly ConversionRequest Request = new("beach", ["staged/beach.jpg"], "animate it", "best", null);

    [Fact]
    public void Every_orchestrator_of_the_workflow_has_a_function_of_that_name()
    {
        var functions = typeof(ConversionOrchestratorFunctions).GetMethods()
            .Select(m => m.GetCustomAttributes(typeof(Microsoft.Azure.Functions.Worker.FunctionAttribute), false)
                .Cast<Microsoft.Azure.Functions.Worker.FunctionAttribute>().SingleOrDefault()?.Name)
            .OfType<string>()
            .Order(StringComparer.Ordinal);

        Assert.Equal(ConversionWorkflow.Orchestrators.Keys.Order(StringComparer.Ordinal), functions);
    }

    [Fact]
    public void The_conversion_function_starts_with_validation_of_its_bound_input()
    {
        var context = new RecordingOrchestrationContext("conv-0000000000000001", Request);

        var run = ConversionOrchestratorFunctions.Conversion(context, Request);

        Assert.False(run.IsCompleted);
        var (name, input, _) = Assert.Single(context.Activities);
        Assert.Equal(ConversionActivityNames.Validate, name);
        Assert.Equal(Request, input);
    }

    [Fact]
    public async Task A_missing_input_fails_the_orchestration_with_a_clear_error()
    {
        var context = new RecordingOrchestrationContext("conv-0000000000000002", input: null);

        var error = await Assert.ThrowsAsync<ArgumentNullException>(() => ConversionOrchestratorFunctions.Conversion(context, null!));
        Assert.Equal("input", error.ParamName);
        Assert.Empty(context.Activities);
    }
}
