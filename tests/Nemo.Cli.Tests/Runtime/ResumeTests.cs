using System.Text;
using Nemo.Conversions;

namespace Nemo.Cli.Tests.Runtime;

public sealed class ResumeTests
{
    [Fact]
    public async Task A_runtime_disposed_mid_run_resumes_without_repeating_finished_activities()
    {
        await using var harness = new RuntimeHarness();
        var first = await harness.StartAsync();
        await first.ScheduleAsync("Resumable", "resume-1", "b");
        await harness.Probe.BlockEntered.Task.WaitAsync(RuntimeHarness.Safety);

        await first.DisposeAsync();
        Assert.Equal(InstanceStatus.Running, (await first.GetAsync("resume-1"))!.Status);
        Assert.DoesNotContain("taskCompleted", harness.HistoryTypes("resume-1").Skip(3));

        harness.Probe.BlockRelease.SetResult();
        var second = await harness.StartAsync();
        var done = await second.WaitForCompletionAsync("resume-1").WaitAsync(RuntimeHarness.Safety);

        Assert.Equal(InstanceStatus.Completed, done.Status);
        Assert.Equal(["echo:1", "unblocked:b", "echo:3"], RuntimeHarness.Output<string[]>(done));
        Assert.Equal(1, harness.Probe.Count("Echo:1")); // completed before the stop: not run again
        Assert.Equal(2, harness.Probe.Count("Block"));  // cut off by the stop: runs again (at least once)
        Assert.Equal(1, harness.Probe.Count("Echo:3"));
        Assert.Equal(3, harness.HistoryTypes("resume-1").Count(t => t == "taskScheduled"));
        await second.VerifyReplayAsync("resume-1");
    }

    [Fact]
    public async Task A_torn_last_journal_line_is_ignored_and_the_lost_step_runs_again()
    {
        await using var harness = new RuntimeHarness();
        var first = await harness.StartAsync();
        await first.ScheduleAsync("Sequence", "torn-1", "x");
        await first.WaitForCompletionAsync("torn-1").WaitAsync(RuntimeHarness.Safety);
        await first.DisposeAsync();

        // Crash while writing the second activity's result: keep the lines up to its scheduling, then half a line.
        var lines = File.ReadAllLines(harness.HistoryPath("torn-1"));
        Assert.Equal(6, lines.Length);
        var torn = string.Join("\n", lines.Take(4)) + "\n" + lines[4][..(lines[4].Length / 2)];
        File.WriteAllText(harness.HistoryPath("torn-1"), torn, new UTF8Encoding(false));
        File.Delete(harness.SnapshotPath("torn-1")); // written after the journal, so it would not be ahead of it either

        var second = await harness.StartAsync();
        var done = await second.WaitForCompletionAsync("torn-1").WaitAsync(RuntimeHarness.Safety);

        Assert.Equal(["echo:x", "echo:echo:x"], RuntimeHarness.Output<string[]>(done));
        Assert.Equal(1, harness.Probe.Count("Echo:x"));
        Assert.Equal(2, harness.Probe.Count("Echo:echo:x"));
        Assert.Equal(
            ["executionStarted", "taskScheduled", "taskCompleted", "taskScheduled", "taskCompleted", "executionCompleted"],
            harness.HistoryTypes("torn-1")); // the torn half line was cut off, not glued to the next event
        await second.VerifyReplayAsync("torn-1");
    }

    [Fact]
    public async Task A_completion_recorded_before_a_crash_is_not_lost_when_the_snapshot_lags()
    {
        await using var harness = new RuntimeHarness();
        var first = await harness.StartAsync();
        await first.ScheduleAsync("Sequence", "lag-1", "x");
        await first.WaitForCompletionAsync("lag-1").WaitAsync(RuntimeHarness.Safety);
        await first.DisposeAsync();
        File.Delete(harness.SnapshotPath("lag-1"));

        var second = await harness.StartAsync();
        var done = await second.WaitForCompletionAsync("lag-1").WaitAsync(RuntimeHarness.Safety);

        Assert.Equal(InstanceStatus.Completed, done.Status);
        Assert.Equal(1, harness.Probe.Count("Echo:echo:x"));
        Assert.Single(harness.HistoryTypes("lag-1"), t => t == "executionCompleted");
    }

    [Fact]
    public async Task A_durable_timer_survives_a_restart_and_fires_at_its_recorded_time()
    {
        var time = new TimerRecordingTimeProvider();
        await using var harness = new RuntimeHarness(time);
        var first = await harness.StartAsync();
        var start = time.GetUtcNow().UtcDateTime;
        await first.ScheduleAsync("TimerThenEcho", "timer-1", 5);
        Assert.Equal(TimeSpan.FromMinutes(5), await time.WaitForTimerAsync().WaitAsync(RuntimeHarness.Safety));

        await first.DisposeAsync();
        time.Advance(TimeSpan.FromMinutes(2));
        var second = await harness.StartAsync();
        Assert.Equal(TimeSpan.FromMinutes(3), await time.WaitForTimerAsync().WaitAsync(RuntimeHarness.Safety));
        time.Advance(TimeSpan.FromMinutes(3));
        var done = await second.WaitForCompletionAsync("timer-1").WaitAsync(RuntimeHarness.Safety);

        // The orchestration's clock after the timer is the time the firing was recorded.
        Assert.Equal("echo:" + start.AddMinutes(5).ToString("O"), RuntimeHarness.Output<string>(done));
        var types = harness.HistoryTypes("timer-1");
        Assert.Single(types, t => t == "timerCreated");
        Assert.Single(types, t => t == "timerFired");
        var created = harness.History("timer-1").Single(e => e.GetProperty("type").GetString() == "timerCreated");
        Assert.Equal(start.AddMinutes(5), created.GetProperty("fireAt").GetDateTime().ToUniversalTime());
        await second.VerifyReplayAsync("timer-1");
    }

    [Fact]
    public async Task A_timer_that_fell_due_while_stopped_fires_at_once_on_resume()
    {
        var time = new TimerRecordingTimeProvider();
        await using var harness = new RuntimeHarness(time);
        var first = await harness.StartAsync();
        await first.ScheduleAsync("TimerThenEcho", "timer-2", 5);
        await time.WaitForTimerAsync().WaitAsync(RuntimeHarness.Safety);
        await first.DisposeAsync();

        time.Advance(TimeSpan.FromHours(1));
        var second = await harness.StartAsync();
        var done = await second.WaitForCompletionAsync("timer-2").WaitAsync(RuntimeHarness.Safety);

        Assert.Equal(InstanceStatus.Completed, done.Status);
        Assert.Equal(1, harness.Probe.Count("Echo:" + time.GetUtcNow().UtcDateTime.ToString("O")));
    }

    [Fact]
    public async Task With_a_timer_scale_a_timer_waits_less_its_due_time_survives_a_restart_and_every_recorded_time_is_the_clocks()
    {
        var time = new TimerRecordingTimeProvider();
        await using var harness = new RuntimeHarness(time);
        var first = await harness.StartAsync(timerScale: 0.01);
        var start = time.GetUtcNow().UtcDateTime;
        await first.ScheduleAsync("TimerThenEcho", "scaled-1", 60);

        // A 60-minute timer at 0.01 is due 36 s after it was created.
        Assert.Equal(TimeSpan.FromSeconds(36), await time.WaitForTimerAsync().WaitAsync(RuntimeHarness.Safety));
        await first.DisposeAsync();
        time.Advance(TimeSpan.FromSeconds(10));
        var second = await harness.StartAsync(timerScale: 0.01);
        Assert.Equal(TimeSpan.FromSeconds(26), await time.WaitForTimerAsync(d => d < TimeSpan.FromSeconds(36)).WaitAsync(RuntimeHarness.Safety));
        time.Advance(TimeSpan.FromSeconds(26));
        var done = await second.WaitForCompletionAsync("scaled-1").WaitAsync(RuntimeHarness.Safety);

        // The orchestration asked for start + 60 min and woke at the true time, 36 s later; nothing recorded is later.
        Assert.Equal("echo:" + start.AddSeconds(36).ToString("O"), RuntimeHarness.Output<string>(done));
        var created = harness.History("scaled-1").Single(e => e.GetProperty("type").GetString() == "timerCreated");
        Assert.Equal(start.AddMinutes(60), created.GetProperty("fireAt").GetDateTime().ToUniversalTime());
        Assert.All(
            harness.History("scaled-1").Select(e => e.GetProperty("timestamp").GetDateTime().ToUniversalTime()),
            t => Assert.InRange(t, start, time.GetUtcNow().UtcDateTime));
        Assert.Equal(time.GetUtcNow().UtcDateTime, done.LastUpdatedAt);
        await second.VerifyReplayAsync("scaled-1");
    }
}
