namespace Nemo.Simulator;

/// <summary>
/// What an output MP4 is made of: the clips in timeline order, their motion, the background music, and its length —
/// the timeline's, or <see cref="SimulatorOptions.MaxVideoLength"/> when that is shorter (<see cref="Capped"/>), every
/// clip and music span then shortened in proportion.
/// </summary>
/// <param name="OutputPath">Where the MP4 goes.</param>
/// <param name="Width">Frame width (even).</param>
/// <param name="Height">Frame height (even).</param>
/// <param name="Clips">The pictures, each with its share of <paramref name="Length"/>; empty: a plain colour clip.</param>
/// <param name="Zoom">The zoom of the segments' <c>fx</c>: <c>in</c>, <c>out</c> or null.</param>
/// <param name="Pan">The pan of the segments' <c>fx</c>: <c>left</c>, <c>right</c>, <c>up</c>, <c>down</c> or null.</param>
/// <param name="Music">The spans of the audio tracks' segments; empty: no audio stream.</param>
/// <param name="Length">The MP4's length.</param>
/// <param name="TimelineLength">The draft's length.</param>
internal sealed record RenderJob(
    string OutputPath,
    int Width,
    int Height,
    IReadOnlyList<RenderClip> Clips,
    string? Zoom,
    string? Pan,
    IReadOnlyList<MusicSpan> Music,
    TimeSpan Length,
    TimeSpan TimelineLength)
{
    /// <summary>Whether the MP4 is shorter than the timeline (the simulator's cap, not the draft).</summary>
    public bool Capped => Length < TimelineLength;
}
