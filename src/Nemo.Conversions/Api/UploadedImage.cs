namespace Nemo.Conversions;

/// <summary>One file of a multipart upload, as the host parsed it; the stream is read once and not buffered.</summary>
/// <param name="FileName">The file name the client sent.</param>
/// <param name="Content">The file's content.</param>
public sealed record UploadedImage(string FileName, Stream Content);
