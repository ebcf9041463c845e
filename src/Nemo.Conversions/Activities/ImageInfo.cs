namespace Nemo.Conversions;

/// <summary>A validated input image.</summary>
/// <param name="Key">Its key in the media store.</param>
/// <param name="FileName">Its file name (for messages and the multipart upload).</param>
/// <param name="Format">The format read from its content: <c>jpg</c>, <c>png</c>, <c>gif</c>, <c>webp</c> or <c>heic</c>.</param>
/// <param name="Bytes">Its length.</param>
public sealed record ImageInfo(string Key, string FileName, string Format, long Bytes);
