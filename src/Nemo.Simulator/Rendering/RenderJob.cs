namespace Nemo.Simulator;

/// <summary>What an output MP4 is made of.</summary>
internal sealed record RenderJob(string OutputPath, int Width, int Height, IReadOnlyList<string> Images, string? Zoom, string? Pan);
