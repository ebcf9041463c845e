namespace Nemo.Client;

/// <summary>
/// One of the five Nemo image-to-video skills: what it accepts, how it identifies itself
/// (<c>X-Skill-Source</c>) and how long its renders typically take.
/// </summary>
/// <param name="Name">The short name used in requests and on the command line, e.g. <c>best</c>.</param>
/// <param name="SkillSource">The <c>X-Skill-Source</c> header value.</param>
/// <param name="AcceptedFormats">Accepted input formats, lower-case extensions without the dot.</param>
/// <param name="MaxUploadBytes">The largest accepted input file, in bytes.</param>
/// <param name="TypicalPrompt">A prompt that shows what the profile is for.</param>
/// <param name="TypicalRenderTimeMin">The short end of the documented typical time.</param>
/// <param name="TypicalRenderTimeMax">The long end of the documented typical time.</param>
public sealed record NemoProfile(
    string Name,
    string SkillSource,
    IReadOnlyList<string> AcceptedFormats,
    long MaxUploadBytes,
    string TypicalPrompt,
    TimeSpan TypicalRenderTimeMin,
    TimeSpan TypicalRenderTimeMax)
{
    /// <summary>Whether the profile accepts a format, given as an extension with or without the dot.</summary>
    public bool Accepts(string format)
    {
        ArgumentException.ThrowIfNullOrEmpty(format);
        var normalized = format.TrimStart('.').ToLowerInvariant();
        return AcceptedFormats.Contains(normalized, StringComparer.Ordinal);
    }
}
