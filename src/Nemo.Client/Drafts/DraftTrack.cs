namespace Nemo.Client;

/// <summary>One track of a <see cref="NemoDraft"/> (an element of <c>t</c>).</summary>
/// <param name="Type">The raw <c>tt</c> code, or -1 when it was missing or not a whole number.</param>
/// <param name="Kind">What the track holds.</param>
/// <param name="Segments">The segments (<c>sg</c>) that are JSON objects, in order; empty when <c>sg</c> is missing or not an array.</param>
public sealed record DraftTrack(int Type, DraftTrackKind Kind, IReadOnlyList<DraftSegment> Segments)
{
    /// <summary>The <see cref="DraftTrackKind"/> of a <c>tt</c> code: 0 video, 1 audio, 7 text, anything else other.</summary>
    /// <param name="type">The <c>tt</c> code.</param>
    /// <returns>The kind.</returns>
    public static DraftTrackKind KindOf(int type) => type switch
    {
        0 => DraftTrackKind.Video,
        1 => DraftTrackKind.Audio,
        7 => DraftTrackKind.Text,
        _ => DraftTrackKind.Other,
    };
}
