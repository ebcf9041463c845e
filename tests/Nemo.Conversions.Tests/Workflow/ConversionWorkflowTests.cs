using System.Reflection;
using Nemo.Conversions.Tests.Testing;

namespace Nemo.Conversions.Tests.Workflow;

public sealed class ConversionWorkflowTests
{
    [Fact]
    public void Every_activity_name_has_a_definition()
    {
        var names = typeof(ConversionActivityNames).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!);
        Assert.Equal(names.Order(), ConversionWorkflow.Activities.Select(a => a.Name).Order());
        Assert.Equal(
            [ConversionWorkflow.Batch, ConversionWorkflow.Conversion, ConversionWorkflow.Iteration],
            ConversionWorkflow.Orchestrators.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Definitions_run_the_real_activities_resolved_from_services()
    {
        await using var h = await ActivitiesHarness.StartAsync();
        var definition = ConversionWorkflow.Activities.Single(a => a.Name == ConversionActivityNames.CreateSession);

        var output = await definition.InvokeAsync(h.Services, new CreateSessionInput("best", "en"), h.Deadline);

        var session = Assert.IsType<StepResult<SessionRef>>(output);
        Assert.True(session.Succeeded);
    }

    [Fact]
    public async Task The_registered_conversion_orchestrator_runs_the_conversion()
    {
        var context = ConversionScript.Happy();
        var orchestrator = ConversionWorkflow.Orchestrators[ConversionWorkflow.Conversion];

        var output = await orchestrator.RunAsync(context, ConversionScript.Request);

        Assert.Equal(ConversionStatus.Succeeded, Assert.IsType<ConversionResult>(output).Status);
    }
}
