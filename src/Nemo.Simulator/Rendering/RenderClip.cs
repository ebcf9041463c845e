namespace Nemo.Simulator;

/// <summary>One picture of a render: a still image, or an animated GIF that keeps playing (looped) for its share.</summary>
/// <param name="Path">The uploaded file.</param>
/// <param name="Animated">Whether it is a GIF, whose frames play rather than its first one standing still.</param>
/// <param name="Duration">How long it shows in the MP4.</param>
internal sealed record RenderClip(string Path, bool Animated, TimeSpan Duration);
