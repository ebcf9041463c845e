using Nemo.Cli.Runtime;

namespace Nemo.Cli.Tests.Runtime;

public sealed class VerifyReplayTests
{
    [Theory]
    [InlineData("UnstableInput")]
    [InlineData("GuidInput")]
    [InlineData("ClockInput")]
    [InlineData("UnstableBranch")]
    [InlineData("UnstableOutput")]
    [InlineData("UnstableTail")]
    public async Task An_orchestration_that_is_not_deterministic_fails_verification(string orchestrator)
    {
        await using var harness = new RuntimeHarness();
        var runtime = await harness.StartAsync();
        var id = "nd-" + orchestrator.ToLowerInvariant();
        await runtime.ScheduleAsync(orchestrator, id, "x");
        await runtime.WaitForCompletionAsync(id).WaitAsync(RuntimeHarness.Safety);

        var error = await Assert.ThrowsAsync<NonDeterminismException>(() => runtime.VerifyReplayAsync(id));
        Assert.Contains(id, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deterministic_orchestration_passes_verification_repeatedly()
    {
        await using var harness = new RuntimeHarness();
        var runtime = await harness.StartAsync();
        await runtime.ScheduleAsync("Sequence", "det-1", "x");
        await runtime.WaitForCompletionAsync("det-1").WaitAsync(RuntimeHarness.Safety);

        await runtime.VerifyReplayAsync("det-1");
        await runtime.VerifyReplayAsync("det-1");
        Assert.Equal(1, harness.Probe.Count("Echo:x")); // verification runs no activity
    }

    [Fact]
    public async Task A_changed_activity_input_in_the_history_is_reported_with_its_position()
    {
        await using var harness = new RuntimeHarness();
        var runtime = await harness.StartAsync();
        await runtime.ScheduleAsync("Sequence", "det-2", "x");
        await runtime.WaitForCompletionAsync("det-2").WaitAsync(RuntimeHarness.Safety);
        var path = harness.HistoryPath("det-2");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"input\":\"echo:x\"", "\"input\":\"other\"", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<NonDeterminismException>(() => runtime.VerifyReplayAsync("det-2"));
        Assert.Contains("#1", error.Message, StringComparison.Ordinal);
        Assert.Contains("other", error.Message, StringComparison.Ordinal);
    }
}
