namespace Nemo.Simulator;

/// <summary>A file stored by an upload.</summary>
internal sealed record UploadRecord(
    string FileId,
    string FileName,
    MediaKind Kind,
    string Format,
    string LocalPath,
    string CdnUrl,
    long Size,
    string Hash,
    int? Width,
    int? Height);
