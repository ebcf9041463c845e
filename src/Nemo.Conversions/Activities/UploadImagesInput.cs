namespace Nemo.Conversions;

/// <summary>Input of <see cref="ConversionActivityNames.UploadImages"/>: the validated images, uploaded in order.</summary>
public sealed record UploadImagesInput(string Profile, string SessionId, IReadOnlyList<ImageInfo> Images);
