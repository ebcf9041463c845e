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
