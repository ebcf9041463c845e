namespace Nemo.Conversions;

/// <summary>
/// A <c>multipart/form-data</c> conversion request as a host parsed it: the text fields and the file parts, each opened
/// only when it is read. Both hosts (<c>nemo serve</c>, the Functions app) hand their form to
/// <see cref="ConversionApi.CreateFromFormAsync"/> in this shape.
/// </summary>
/// <param name="Files">The parts named <c>images</c>, <c>image</c> or <c>images[]</c> (see <see cref="IsImageField"/>), in order.</param>
/// <param name="Prompt">The <c>prompt</c> field.</param>
/// <param name="Profile">The <c>profile</c> field.</param>
/// <param name="OptionsJson">The <c>options</c> field: <see cref="ConversionOptions"/> as JSON.</param>
/// <param name="Name">The <c>name</c> field.</param>
public sealed record FormUpload(IReadOnlyList<FormPart> Files, string? Prompt, string? Profile, string? OptionsJson, string? Name)
{
    /// <summary>Whether a form part named <paramref name="fieldName"/> carries an image.</summary>
    public static bool IsImageField(string fieldName) => fieldName is "images" or "image" or "images[]";
}

/// <summary>One file part of a <see cref="FormUpload"/>.</summary>
/// <param name="FileName">The file name the client sent.</param>
/// <param name="Open">Opens the part's content for one read.</param>
public sealed record FormPart(string FileName, Func<Stream> Open);
