using System.Globalization;

namespace Nemo.Benchmarks.Engine;

/// <summary>How long the simulator's render takes: its own default range, or a fixed duration.</summary>
/// <param name="Label">How the tables name it.</param>
/// <param name="Duration">A fixed render time; null keeps the simulator's default (30–90 s).</param>
internal sealed record RenderLength(string Label, TimeSpan? Duration)
{
    public static RenderLength Normal { get; } = new("normal", null);

    public static RenderLength Fixed(TimeSpan duration) => new(
        duration.Seconds == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMinutes:0} min")
            : string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0} s"),
        duration);
}
