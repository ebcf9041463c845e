namespace Nemo.Testing;

/// <summary>What ffprobe says of a video file.</summary>
/// <param name="Seconds">The container's duration.</param>
/// <param name="Width">The video stream's width.</param>
/// <param name="Height">The video stream's height.</param>
/// <param name="VideoCodec">The video stream's codec.</param>
/// <param name="AudioCodec">The first audio stream's codec; null when there is none.</param>
internal sealed record VideoFacts(double Seconds, int Width, int Height, string VideoCodec, string? AudioCodec);
