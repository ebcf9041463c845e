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

    /// <summary>The shortest delay between two checks.</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(1);

    /// <summary>Aim this far past the projected finish, so the check lands after it rather than just before.</summary>
    private static readonly TimeSpan FinishMargin = TimeSpan.FromMilliseconds(500);

    /// <summary>The delay after check number <paramref name="polls"/> (1-based), at least <paramref name="retryAfterSeconds"/>.</summary>
    public TimeSpan DelayAfter(int polls, double? retryAfterSeconds = null) => DelayAfter(polls, null, null, retryAfterSeconds);

    /// <summary>
    /// The delay after check number <paramref name="polls"/>. When two progress readings give a rate, the next check aims
    /// just past the projected finish (never sooner than <see cref="MinInterval"/>, never later than the longest
    /// interval), so a render is noticed moments after it completes with few checks; otherwise the back-off interval. Never sooner than <paramref name="retryAfterSeconds"/>.
    /// </summary>
    public TimeSpan DelayAfter(int polls, RenderProgressSample? previous, RenderProgressSample? latest, double? retryAfterSeconds = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(polls, 1);
        var delay = Intervals[Math.Min(polls, Intervals.Count) - 1];
        if (ProjectedRemaining(previous, latest) is { } remaining)
        {
            var aimed = remaining + FinishMargin;
            var cap = Intervals[^1];
            delay = aimed < MinInterval ? MinInterval : aimed > cap ? cap : aimed;
        }

        return retryAfterSeconds is { } seconds && TimeSpan.FromSeconds(seconds) > delay ? TimeSpan.FromSeconds(seconds) : delay;
    }

    /// <summary>Time left at the rate progress moved between two readings; null when it did not move forward.</summary>
    internal static TimeSpan? ProjectedRemaining(RenderProgressSample? previous, RenderProgressSample? latest)
    {
        if (previous is null || latest is null || latest.At <= previous.At || latest.Progress <= previous.Progress)
        {
            return null;
        }

        var perSecond = (latest.Progress - previous.Progress) / (latest.At - previous.At).TotalSeconds;
        return TimeSpan.FromSeconds(Math.Max(0, 100 - latest.Progress) / perSecond);
    }
}
