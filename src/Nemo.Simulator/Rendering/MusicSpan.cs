namespace Nemo.Simulator;

/// <summary>
/// Where an audio track's segment plays in the MP4. The simulator has no music library: a span sounds as a quiet
/// synthesized chord, so a draft with background music gives an MP4 with an audio stream and one without gives none.
/// </summary>
/// <param name="Start">From the MP4's start.</param>
/// <param name="Duration">How long it plays.</param>
/// <param name="Volume">The segment's <c>vol</c>, 0–100.</param>
internal sealed record MusicSpan(TimeSpan Start, TimeSpan Duration, int Volume);
