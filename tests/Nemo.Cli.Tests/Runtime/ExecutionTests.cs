using Nemo.Conversions;

namespace Nemo.Cli.Tests.Runtime;

public sealed class ExecutionTests
{
    [Fact]
    public async Task Fan_out_with_WhenAny_and_WhenAll_replays_deterministically()
    {
        await using var harness = new RuntimeHarness();
        var runtime = await harness.StartAsync();
        var ids = Enumerable.Range(0, 6).Select(i => $"fan-{i}").ToList();
        foreach (var id in ids)
        {
            await runtime.ScheduleAsync("FanOut", id, 8);
        }

        foreach (var id in ids)
        {
            var done = await runtime.WaitForCompletionAsync(id).WaitAsync(RuntimeHarness.Safety);
            var result = RuntimeHarness.Output<FanOutResult>(done);
            Assert.Equal(204, result.Sum);

            // WhenAny picked whichever result was recorded first, and the replay picks the same one.
            var firstCompleted = harness.History(id).First(e => e.GetProperty("type").GetString() == "taskCompleted");
            Assert.Equal(firstCompleted.GetProperty("result").GetInt32(), result.First);
            Assert.Equal("echo:" + result.First, result.Echoed);
            await runtime.VerifyReplayAsync(id);
        }
    }

    [Fact]
    public async Task The_retry_policy_retries_with_backoff_through_the_time_provider()
    {
        var time = new TimerRecordingTimeProvider();
        await using var harness = new RuntimeHarness(time);
        var runtime = await harness.StartAsync();
        await runtime.ScheduleAsync("Retry", "retry-1", 2);

        Assert.Equal(TimeSpan.FromSeconds(10), await time.WaitForTimerAsync().WaitAsync(RuntimeHarness.Safety));
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.FromSeconds(20), await time.WaitForTimerAsync(d => d == TimeSpan.FromSeconds(20)).WaitAsync(RuntimeHarness.Safety));
        time.Advance(TimeSpan.FromSeconds(20));
        var done = await runtime.WaitForCompletionAsync("retry-1").WaitAsync(RuntimeHarness.Safety);

        Assert.Equal("ok after 3", RuntimeHarness.Output<string>(done));
        Assert.Equal(3, harness.Probe.Count("Flaky"));
        Assert.Single(harness.HistoryTypes("retry-1"), t => t == "taskScheduled"); // retries are not separate commands
    }

    [Fact]
    public async Task An_activity_that_keeps_throwing_surfaces_as_TaskFailedException()
    {
        await using var harness = new RuntimeHarness();
        var runtime = await harness.StartAsync();
        await runtime.ScheduleAsync("CatchFailure", "fail-1", "x");

        var done = await runtime.WaitForCompletionAsync("fail-1").WaitAsync(RuntimeHarness.Safety);

        Assert.Equal("Fail|System.InvalidOperationException|boom: x", RuntimeHarness.Output<string>(done));
        Assert.Equal(2, harness.Probe.Count("Fail"));
        Assert.Contains("taskFailed", harness.HistoryTypes("fail-1"));
        await runtime.VerifyReplayAsync("fail-1");
    }

    [Fact]
    public async Task An_uncaught_activity_failure_fails_the_instance_with_the_reason()
    {
        await using var harness = new RuntimeHarness();
        var runtime = await harness.StartAsync();
        await runtime.ScheduleAsync("Uncaught", "fail-2", "y");

        var done = await runtime.WaitForCompletionAsync("fail-2").WaitAsync(RuntimeHarness.Safety);

        Assert.Equal(InstanceStatus.Failed, done.Status);
        Assert.Contains("boom: y", done.Error, StringComparison.Ordinal);
        Assert.Null(done.Output);
        await runtime.VerifyReplayAsync("fail-2");
    }

    [Fact]
    public async Task An_event_raised_before_the_wait_is_buffered_and_delivered()
    {
        await using var harness = new RuntimeHarness();
        var runtime = await harness.StartAsync();
        await runtime.ScheduleAsync("BlockThenWait", "event-1", "x");
        await harness.Probe.BlockEntered.Task.WaitAsync(RuntimeHarness.Safety);

        Assert.True(await runtime.RaiseEventAsync("event-1", "go", "early"));
        Assert.Contains("eventRaised", harness.HistoryTypes("event-1")); // durable before anyone waits
        harness.Probe.BlockRelease.SetResult();
        var done = await runtime.WaitForCompletionAsync("event-1").WaitAsync(RuntimeHarness.Safety);

        Assert.Equal("early", RuntimeHarness.Output<string>(done));
        await runtime.VerifyReplayAsync("event-1");
    }

    [Fact]
    public async Task A_buffered_event_survives_a_restart()
    {
        await using var harness = new RuntimeHarness();
        var first = await harness.StartAsync();
        await first.ScheduleAsync("BlockThenWait", "event-2", "x");
        await harness.Probe.BlockEntered.Task.WaitAsync(RuntimeHarness.Safety);
        Assert.True(await first.RaiseEventAsync("event-2", "go", "kept"));
        await first.DisposeAsync();

        harness.Probe.BlockRelease.SetResult();
        var second = await harness.StartAsync();
        var done = await second.WaitForCompletionAsync("event-2").WaitAsync(RuntimeHarness.Safety);

        Assert.Equal("kept", RuntimeHarness.Output<string>(done));
    }

    [Fact]
    public async Task An_event_raised_during_the_wait_is_delivered()
    {
        await using var harness = new RuntimeHarness();
        var runtime = await harness.StartAsync();
        await runtime.ScheduleAsync("WaitThenEcho", "event-3", "x");
        await foreach (var status in runtime.WatchAsync("event-3"))
        {
            if (status.CustomStatus?.GetString() == "waiting")
            {
                break;
            }
        }

        Assert.True(await runtime.RaiseEventAsync("event-3", "go", "late"));
        var done = await runtime.WaitForCompletionAsync("event-3").WaitAsync(RuntimeHarness.Safety);

        Assert.Equal("echo:late", RuntimeHarness.Output<string>(done));
        Assert.False(await runtime.RaiseEventAsync("event-3", "go", "too late"));
        await runtime.VerifyReplayAsync("event-3");
    }

    [Fact]
    public async Task CancelAsync_raises_the_cancel_event_and_the_cancelled_timer_never_fires()
    {
        var time = new TimerRecordingTimeProvider();
        await using var harness = new RuntimeHarness(time);
        var runtime = await harness.StartAsync();
        await runtime.ScheduleAsync("Cancellable", "cancel-1", "x");
        await time.WaitForTimerAsync().WaitAsync(RuntimeHarness.Safety);

        Assert.True(await runtime.CancelAsync("cancel-1", "changed my mind"));
        var done = await runtime.WaitForCompletionAsync("cancel-1").WaitAsync(RuntimeHarness.Safety);
        time.Advance(TimeSpan.FromHours(2));

        Assert.Equal("cancelled: changed my mind", RuntimeHarness.Output<string>(done));
        var types = harness.HistoryTypes("cancel-1");
        Assert.Contains("timerCreated", types);
        Assert.DoesNotContain("timerFired", types);
        Assert.False(await runtime.CancelAsync("cancel-1"));
        Assert.False(await runtime.CancelAsync("no-such-instance"));
        await runtime.VerifyReplayAsync("cancel-1");
    }

    [Fact]
    public async Task Work_queued_from_another_thread_by_CancelAsync_is_still_run_on_the_orchestration_thread()
    {
        var time = new TimerRecordingTimeProvider();
        await using var harness = new RuntimeHarness(time);
        var runtime = await harness.StartAsync();
        await runtime.ScheduleAsync("CancelAsyncInside", "cancel-2", "x");
        await time.WaitForTimerAsync().WaitAsync(RuntimeHarness.Safety);

        Assert.True(await runtime.CancelAsync("cancel-2"));
        var done = await runtime.WaitForCompletionAsync("cancel-2").WaitAsync(RuntimeHarness.Safety);

        Assert.Equal("cancelled", RuntimeHarness.Output<string>(done));
        await runtime.VerifyReplayAsync("cancel-2");
    }

    [Fact]
    public async Task An_event_sent_to_a_child_is_journaled_and_delivered()
    {
        var time = new FakeTimeProvider();
        await using var harness = new RuntimeHarness(time);
        var runtime = await harness.StartAsync();
        await runtime.ScheduleAsync("CancelChild", "send-1", "the parent said so");

        var done = await runtime.WaitForCompletionAsync("send-1").WaitAsync(RuntimeHarness.Safety);

        Assert.Equal("cancelled: the parent said so", RuntimeHarness.Output<string>(done));
        var sent = Assert.Single(harness.History("send-1"), e => e.GetProperty("type").GetString() == "eventSent");
        Assert.Equal("send-1-child", sent.GetProperty("instanceId").GetString());
        Assert.Equal(OrchestrationEvents.Cancel, sent.GetProperty("name").GetString());
        Assert.Contains("eventRaised", harness.HistoryTypes("send-1-child"));
        await runtime.VerifyReplayAsync("send-1");
        await runtime.VerifyReplayAsync("send-1-child");
    }

    [Fact]
    public async Task An_event_sent_to_no_instance_does_not_hold_up_the_sender()
    {
        await using var harness = new RuntimeHarness();
        var runtime = await harness.StartAsync();
        await runtime.ScheduleAsync("SendToNobody", "send-2", "x");

        var done = await runtime.WaitForCompletionAsync("send-2").WaitAsync(RuntimeHarness.Safety);

        Assert.Equal("sent", RuntimeHarness.Output<string>(done));
        Assert.Equal(["executionStarted", "eventSent", "executionCompleted"], harness.HistoryTypes("send-2"));
        await runtime.VerifyReplayAsync("send-2");
    }

    [Fact]
    public async Task Sub_orchestrations_run_once_per_instance_id_and_report_failures()
    {
        await using var harness = new RuntimeHarness();
        var runtime = await harness.StartAsync();
        await runtime.ScheduleAsync("Parent", "parent-1", "p");

        var done = await runtime.WaitForCompletionAsync("parent-1").WaitAsync(RuntimeHarness.Safety);

        var output = RuntimeHarness.Output<string>(done);
        Assert.True(output.StartsWith("echo:p,echo:echo:p|echo:p,echo:echo:p|Microsoft.DurableTask.TaskFailedException|", StringComparison.Ordinal), output);
        Assert.EndsWith("boom: child", output, StringComparison.Ordinal);
        Assert.Equal(1, harness.Probe.Count("Echo:p")); // the same child id twice is one child
        var child = await runtime.GetAsync("parent-1-child");
        Assert.Equal(InstanceStatus.Completed, child!.Status);
        Assert.Equal(InstanceStatus.Failed, (await runtime.GetAsync("parent-1-bad"))!.Status);
        Assert.Equal(2, harness.HistoryTypes("parent-1").Count(t => t == "subOrchestrationCompleted"));
        Assert.Single(harness.HistoryTypes("parent-1"), t => t == "subOrchestrationFailed");
        await runtime.VerifyReplayAsync("parent-1");
        await runtime.VerifyReplayAsync("parent-1-child");
    }
}
