namespace Nemo.Conversions;

/// <summary>
/// One conversion: ordered images in the store, a prompt, a profile and the options people ask for.
/// Carries references only, never bytes, so it can be an orchestration input.
/// </summary>
/// <param name="Name">The output name: <c>&lt;Name&gt;.mp4</c> and <c>&lt;Name&gt;.result.json</c> in the output area.</param>
/// <param name="Images">Input keys in the media store, in the order the video should use them.</param>
/// <param name="Prompt">What to make, in the user's words.</param>
/// <param name="Profile">A profile name from <see cref="Nemo.Client.NemoProfiles"/>; <c>best</c> when omitted.</param>
/// <param name="Options">Aspect ratio, duration, music and language.</param>
public sealed record ConversionRequest(
    string Name,
    IReadOnlyList<string> Images,
    string Prompt,
    string Profile = "best",
    ConversionOptions? Options = null)
{
    /// <summary>
    /// Set on a retry of a failed or cancelled conversion (<c>nemo convert --retry</c>): the earlier attempt, whose
    /// session is continued without a second prompt when a prompt went in there.
    /// </summary>
    public EarlierAttempt? Retrying { get; init; }
}
