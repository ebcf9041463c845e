namespace Nemo.Client;

/// <summary>A file Nemo accepted into a session.</summary>
/// <param name="FileName">The stored file name.</param>
/// <param name="FileType">Nemo's type for it, e.g. <c>image</c> or <c>video</c>.</param>
/// <param name="CdnUrl">Where Nemo keeps it.</param>
/// <param name="Duration">Duration in seconds (video and audio).</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Fps">Frames per second (video).</param>
/// <param name="Hash">A content hash, when Nemo sends one.</param>
public sealed record UploadedFile(
    string FileName,
    string? FileType,
    Uri? CdnUrl,
    double? Duration = null,
    int? Width = null,
    int? Height = null,
    double? Fps = null,
    string? Hash = null);
