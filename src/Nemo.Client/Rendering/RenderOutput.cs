namespace Nemo.Client;

/// <summary>The requested output of a render (<c>"output"</c> in the render request).</summary>
/// <param name="Format">The container format. Default <c>mp4</c>.</param>
/// <param name="Quality">The quality preset. Default <c>high</c>.</param>
public sealed record RenderOutput(string Format = "mp4", string Quality = "high")
{
    /// <summary>H.264 MP4, high quality: the documented default.</summary>
    public static RenderOutput Default { get; } = new();
}
