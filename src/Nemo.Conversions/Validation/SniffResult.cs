namespace Nemo.Conversions;

/// <summary>What a file's first bytes say it is.</summary>
/// <param name="Format">The image format (<c>jpg</c>, <c>png</c>, <c>gif</c>, <c>webp</c>, <c>heic</c>), or null when it is not one Nemo takes.</param>
/// <param name="Description">What it is, for messages: <c>a PDF document</c>, <c>text</c>, <c>a TIFF image</c>…</param>
/// <param name="IsOtherImage">True for pictures in formats Nemo does not take (TIFF, BMP, AVIF, SVG, raw).</param>
internal sealed record SniffResult(string? Format, string Description, bool IsOtherImage = false)
{
    /// <summary>Whether it is an image Nemo takes (some profile accepts it).</summary>
    public bool IsImage => Format is not null;

    public static SniffResult Image(string format) => new(format, "a " + ImageSniffer.DisplayName(format) + " image");

    public static SniffResult Other(string description) => new(null, description);

    public static SniffResult OtherImage(string description) => new(null, description, IsOtherImage: true);
}
