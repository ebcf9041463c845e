using Nemo.Client;

namespace Nemo.Conversions;

/// <summary>
/// When to check a render: the first check near the profile's typical minimum render time, then short intervals
/// backing off to a cap, never sooner than the server's <c>Retry-After</c>; bounded by a number of checks and an
/// overall deadline so the history of one conversion stays small.
/// </summary>
/// <param name="FirstDelay">From the render's start to the first check.</param>
/// <param name="Intervals">The delays after the 1st, 2nd, … check; the last repeats.</param>
/// <param name="Deadline">From the render's start to giving up.</param>
/// <param name="MaxPolls">The most checks one render gets.</param>
internal sealed record PollSchedule(TimeSpan FirstDelay, IReadOnlyList<TimeSpan> Intervals, TimeSpan Deadline, int MaxPolls)
{
    private static readonly TimeSpan[] BackOff =
        [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(12)];

    /// <summary>The schedule for a profile: first check at its typical minimum, deadline five typical maxima (at least 5 minutes).</summary>
    public static PollSchedule For(NemoProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var deadline = TimeSpan.FromTicks(Math.Max(TimeSpan.FromMinutes(5).Ticks, profile.TypicalRenderTimeMax.Ticks * 5));
        var cap = BackOff[^1];
        var maxPolls = (int)Math.Ceiling((deadline - profile.TypicalRenderTimeMin) / cap) + BackOff.Length;
        return new PollSchedule(profile.TypicalRenderTimeMin, BackOff, deadline, maxPolls);
    }

    /// <summary>The schedule for a profile name (unknown names get <see cref="NemoProfiles.Default"/>'s).</summary>
    public static PollSchedule For(string profile) =>
        For(NemoProfiles.TryGet(profile, out var found) ? found : NemoProfiles.Default);

    /// <summary>The delay after check number <paramref name="polls"/> (1-based), at least <paramref name="retryAfterSeconds"/>.</summary>
    public TimeSpan DelayAfter(int polls, double? retryAfterSeconds = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(polls, 1);
        var delay = Intervals[Math.Min(polls, Intervals.Count) - 1];
        return retryAfterSeconds is { } seconds && TimeSpan.FromSeconds(seconds) > delay ? TimeSpan.FromSeconds(seconds) : delay;
    }
}
