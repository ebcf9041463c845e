using System.Text.Json;
using Nemo.Conversions;

namespace Nemo.Cli.Tests.Runtime;

public sealed class LocalOrchestrationRuntimeTests
{
    [Fact]
    public async Task A_sequence_of_activities_returns_its_output_and_replays_cleanly()
    {
        await using var harness = new RuntimeHarness();
        var runtime = await harness.StartAsync();

        Assert.True(await runtime.ScheduleAsync("Sequence", "seq-1", "x"));
        var done = await runtime.WaitForCompletionAsync("seq-1").WaitAsync(RuntimeHarness.Safety);

        Assert.Equal(InstanceStatus.Completed, done.Status);
        Assert.Equal(["echo:x", "echo:echo:x"], RuntimeHarness.Output<string[]>(done));
        Assert.Equal("Sequence", done.Name);
        await runtime.VerifyReplayAsync("seq-1");
    }

    [Fact]
    public async Task The_history_file_records_every_step_in_order_with_sequence_ids()
    {
        await using var harness = new RuntimeHarness();
        var runtime = await harness.StartAsync();
        await runtime.ScheduleAsync("Sequence", "seq-2", "x");
        await runtime.WaitForCompletionAsync("seq-2").WaitAsync(RuntimeHarness.Safety);

        var history = harness.History("seq-2");
        Assert.Equal(
            ["executionStarted", "taskScheduled", "taskCompleted", "taskScheduled", "taskCompleted", "executionCompleted"],
            history.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal("Sequence", history[0].GetProperty("name").GetString());
        Assert.Equal("x", history[0].GetProperty("input").GetString());
        Assert.Equal(0, history[1].GetProperty("id").GetInt32());
        Assert.Equal("Echo", history[1].GetProperty("name").GetString());
        Assert.Equal("echo:x", history[2].GetProperty("result").GetString());
        Assert.Equal(1, history[3].GetProperty("id").GetInt32());
        Assert.Equal("echo:x", history[3].GetProperty("input").GetString());
        Assert.Equal(JsonValueKind.Array, history[5].GetProperty("output").ValueKind);
        Assert.All(history, e => Assert.True(e.GetProperty("timestamp").GetDateTime() > DateTime.MinValue));
        Assert.All(File.ReadAllLines(harness.HistoryPath("seq-2")), line => Assert.DoesNotContain("\n", line));

        var snapshot = JsonDocument.Parse(File.ReadAllText(harness.SnapshotPath("seq-2"))).RootElement;
        Assert.Equal("completed", snapshot.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ScheduleAsync_with_the_same_id_twice_is_one_instance_also_across_restarts()
    {
        await using var harness = new RuntimeHarness();
        var first = await harness.StartAsync();

        Assert.True(await first.ScheduleAsync("Sequence", "same", "x"));
        Assert.False(await first.ScheduleAsync("Sequence", "same", "y"));
        await first.WaitForCompletionAsync("same").WaitAsync(RuntimeHarness.Safety);
        Assert.False(await first.ScheduleAsync("Sequence", "same", "z"));
        await first.DisposeAsync();

        var second = await harness.StartAsync();
        Assert.False(await second.ScheduleAsync("Sequence", "same", "w"));
        Assert.Single(await second.ListAsync());
        Assert.Equal(1, harness.Probe.Count("Echo:x"));
        Assert.Equal(0, harness.Probe.Count("Echo:y"));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData(".hidden")]
    [InlineData("")]
    [InlineData("white space")]
    public async Task Instance_ids_that_are_not_file_name_safe_are_rejected(string instanceId)
    {
        await using var harness = new RuntimeHarness();
        var runtime = await harness.StartAsync();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => runtime.ScheduleAsync("Sequence", instanceId, "x"));
        Assert.Null(await runtime.GetAsync(instanceId));
    }

    [Fact]
    public async Task An_unknown_orchestrator_is_rejected()
    {
        await using var harness = new RuntimeHarness();
        var runtime = await harness.StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => runtime.ScheduleAsync("Nope", "nope-1", "x"));
        Assert.Null(await runtime.GetAsync("nope-1"));
    }

    [Fact]
    public async Task GetAsync_and_ListAsync_read_the_snapshots_most_recent_first()
    {
        var time = new FakeTimeProvider();
        await using var harness = new RuntimeHarness(time);
        var runtime = await harness.StartAsync();
        foreach (var id in new[] { "list-a", "list-b", "list-c" })
        {
            await runtime.ScheduleAsync("Sequence", id, id);
            await runtime.WaitForCompletionAsync(id).WaitAsync(RuntimeHarness.Safety);
            time.Advance(TimeSpan.FromMinutes(1));
        }

        var all = await runtime.ListAsync();
        Assert.Equal(["list-c", "list-b", "list-a"], all.Select(i => i.InstanceId));
        Assert.Equal(["list-c", "list-b"], (await runtime.ListAsync(2)).Select(i => i.InstanceId));

        var b = await runtime.GetAsync("list-b");
        Assert.NotNull(b);
        Assert.Equal(InstanceStatus.Completed, b.Status);
        Assert.Equal(time.Start.UtcDateTime.AddMinutes(1), b.CreatedAt);
        Assert.Equal(["echo:list-b", "echo:echo:list-b"], RuntimeHarness.Output<string[]>(b));
        Assert.Null(await runtime.GetAsync("missing"));
    }

    [Fact]
    public async Task Records_with_enums_cross_the_activity_boundary_as_json_and_round_trip()
    {
        await using var harness = new RuntimeHarness();
        var runtime = await harness.StartAsync();

        await runtime.ScheduleAsync("Progress", "enum-1", new ConversionProgress(ConversionStage.Validate, Message: "hi"));
        var done = await runtime.WaitForCompletionAsync("enum-1").WaitAsync(RuntimeHarness.Safety);

        Assert.Equal(new ConversionProgress(ConversionStage.Upload, 42, "hi"), RuntimeHarness.Output<ConversionProgress>(done));
        Assert.Equal("upload", done.CustomStatus!.Value.GetProperty("stage").GetString());
        var scheduled = harness.History("enum-1").Single(e => e.GetProperty("type").GetString() == "taskScheduled");
        Assert.Equal("validate", scheduled.GetProperty("input").GetProperty("stage").GetString());
        Assert.False(scheduled.GetProperty("input").TryGetProperty("renderId", out _)); // nulls omitted
        await runtime.VerifyReplayAsync("enum-1");
    }

    [Fact]
    public async Task A_result_type_that_does_not_round_trip_through_json_fails_the_orchestration_here()
    {
        await using var harness = new RuntimeHarness();
        var runtime = await harness.StartAsync();

        await runtime.ScheduleAsync("OneWay", "oneway-1", "x");
        var done = await runtime.WaitForCompletionAsync("oneway-1").WaitAsync(RuntimeHarness.Safety);

        Assert.Equal(InstanceStatus.Failed, done.Status);
        Assert.Contains(nameof(OneWay), done.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WatchAsync_yields_every_status_change_until_the_end()
    {
        await using var harness = new RuntimeHarness();
        var runtime = await harness.StartAsync();
        await runtime.ScheduleAsync("WaitThenEcho", "watch-1", "x");

        var seen = new List<ConversionInstance>();
        await foreach (var instance in runtime.WatchAsync("watch-1").WithCancellation(new CancellationTokenSource(RuntimeHarness.Safety).Token))
        {
            seen.Add(instance);
            if (instance.CustomStatus?.GetString() == "waiting")
            {
                Assert.True(await runtime.RaiseEventAsync("watch-1", "go", "value"));
            }
        }

        Assert.Contains(seen, i => i.CustomStatus?.GetString() == "waiting");
        Assert.Equal(InstanceStatus.Completed, seen[^1].Status);
        Assert.Equal("got value", seen[^1].CustomStatus?.GetString());
        Assert.Equal("echo:value", RuntimeHarness.Output<string>(seen[^1]));
    }

    [Fact]
    public async Task Activities_run_in_a_fresh_scope_with_the_runtime_services()
    {
        await using var harness = new RuntimeHarness();
        var runtime = await harness.StartAsync(maxConcurrentActivities: 1);

        await runtime.ScheduleAsync("FanOut", "scope-1", 4);
        var done = await runtime.WaitForCompletionAsync("scope-1").WaitAsync(RuntimeHarness.Safety);

        Assert.Equal(InstanceStatus.Completed, done.Status);
        Assert.Equal(4, harness.Probe.Count("Square"));
    }
}
