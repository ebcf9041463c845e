using Nemo.Client;

namespace Nemo.Conversions.Tests.Orchestration;

public sealed class PollScheduleTests
{
    [Fact]
    public void First_check_is_at_the_profiles_typical_minimum()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), PollSchedule.For(NemoProfiles.Best).FirstDelay);
        Assert.Equal(TimeSpan.FromMinutes(1), PollSchedule.For(NemoProfiles.LongDuration).FirstDelay);
        Assert.Equal(TimeSpan.FromSeconds(20), PollSchedule.For("ezgif").FirstDelay);
    }

    [Fact]
    public void Intervals_back_off_and_cap_well_under_30s()
    {
        var schedule = PollSchedule.For(NemoProfiles.Best);
        var delays = Enumerable.Range(1, 8).Select(n => schedule.DelayAfter(n).TotalSeconds).ToArray();
        Assert.Equal([2, 3, 5, 8, 12, 12, 12, 12], delays);
    }

    [Fact]
    public void Steady_progress_aims_the_next_check_just_past_the_projected_finish()
    {
        var schedule = PollSchedule.For(NemoProfiles.Best);
        var start = new DateTime(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc);

        // 5% → 65% in 30 s: 2% a second, 35% left → 17.5 s, capped at the longest interval (12 s).
        var early = schedule.DelayAfter(1, new RenderProgressSample(start, 5), new RenderProgressSample(start.AddSeconds(30), 65));
        // 65% → 95% in 12 s: 2.5% a second, 5% left → 2 s, plus the 0.5 s margin.
        var late = schedule.DelayAfter(5, new RenderProgressSample(start.AddSeconds(30), 65), new RenderProgressSample(start.AddSeconds(42), 95));
        // 98% → 99% in 10 s: 1% left at 0.1% a second → 10 s, plus the margin.
        var last = schedule.DelayAfter(6, new RenderProgressSample(start, 98), new RenderProgressSample(start.AddSeconds(10), 99));

        Assert.Equal(TimeSpan.FromSeconds(12), early);
        Assert.Equal(TimeSpan.FromSeconds(2.5), late);
        Assert.Equal(TimeSpan.FromSeconds(10.5), last);
    }

    [Fact]
    public void A_finish_already_due_is_checked_after_the_minimum_interval()
    {
        var schedule = PollSchedule.For(NemoProfiles.Best);
        var start = new DateTime(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc);

        Assert.Equal(PollSchedule.MinInterval, schedule.DelayAfter(3, new RenderProgressSample(start, 50), new RenderProgressSample(start.AddSeconds(1), 100)));
    }

    [Fact]
    public void Stalled_or_missing_progress_falls_back_to_the_back_off()
    {
        var schedule = PollSchedule.For(NemoProfiles.Best);
        var start = new DateTime(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc);

        Assert.Equal(TimeSpan.FromSeconds(3), schedule.DelayAfter(2, new RenderProgressSample(start, 40), new RenderProgressSample(start.AddSeconds(5), 40)));
        Assert.Equal(TimeSpan.FromSeconds(3), schedule.DelayAfter(2, null, new RenderProgressSample(start, 40)));
        Assert.Equal(TimeSpan.FromSeconds(30), schedule.DelayAfter(5, new RenderProgressSample(start, 5), new RenderProgressSample(start.AddSeconds(30), 99), retryAfterSeconds: 30));
    }

    [Fact]
    public void Retry_after_is_a_floor()
    {
        var schedule = PollSchedule.For(NemoProfiles.Best);
        Assert.Equal(TimeSpan.FromSeconds(45), schedule.DelayAfter(1, 45));
        Assert.Equal(TimeSpan.FromSeconds(12), schedule.DelayAfter(9, 1));
    }

    [Fact]
    public void Deadline_and_poll_count_are_bounded_and_scale_with_the_profile()
    {
        var best = PollSchedule.For(NemoProfiles.Best);
        var longer = PollSchedule.For(NemoProfiles.LongDuration);
        Assert.Equal(TimeSpan.FromMinutes(5), best.Deadline);
        Assert.Equal(TimeSpan.FromMinutes(15), longer.Deadline);
        Assert.InRange(best.MaxPolls, 20, 40);
        Assert.True(longer.MaxPolls > best.MaxPolls);
    }

    [Fact]
    public void Unknown_profile_falls_back_to_the_default()
    {
        Assert.Equal(PollSchedule.For(NemoProfiles.Default).FirstDelay, PollSchedule.For("nope").FirstDelay);
    }
}
