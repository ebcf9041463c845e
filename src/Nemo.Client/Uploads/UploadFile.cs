namespace Nemo.Client;

/// <summary>A file to upload as one multipart <c>files</c> part, read from a stream.</summary>
/// <param name="FileName">The file name sent to Nemo (its extension tells Nemo the type).</param>
/// <param name="Content">
/// The bytes, read once and streamed (never buffered). Non-seekable streams work; the upload is then
/// not retried automatically. The client does not dispose the stream.
/// </param>
/// <param name="ContentType">The media type; guessed from the extension when <see langword="null"/>.</param>
public sealed record UploadFile(string FileName, Stream Content, string? ContentType = null);
