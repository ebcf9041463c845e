namespace Nemo.Simulator;

/// <summary>The small valid MP4 bundled in the assembly (1920x1080, 1 s, H.264, faststart), used when ffmpeg is absent or fails.</summary>
internal static class FallbackVideo
{
    public const string ResourceName = "Nemo.Simulator.fallback.mp4";

    public static Stream Open() =>
        typeof(FallbackVideo).Assembly.GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException("The bundled fallback MP4 is missing from the assembly.");

    public static async Task<long> CopyToAsync(string path, CancellationToken cancellationToken)
    {
        await using var source = Open();
        await using var target = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
        await source.CopyToAsync(target, cancellationToken);
        return target.Length;
    }
}
