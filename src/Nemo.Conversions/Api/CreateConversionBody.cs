namespace Nemo.Conversions;

/// <summary>
/// The body of <c>POST /api/conversions</c> (JSON), or its form fields with a multipart upload (where
/// <see cref="Images"/> is ignored: the files are the images).
/// </summary>
/// <param name="Images">The images' URLs (http or https), in order.</param>
/// <param name="Prompt">What to make.</param>
/// <param name="Profile">The profile; <c>best</c> when omitted.</param>
/// <param name="Options">Aspect ratio, duration, music, language.</param>
/// <param name="Name">The output name; from the first image's name when omitted.</param>
public sealed record CreateConversionBody(
    IReadOnlyList<string>? Images = null,
    string? Prompt = null,
    string? Profile = null,
    ConversionOptions? Options = null,
    string? Name = null);
