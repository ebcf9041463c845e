using System.Globalization;
using System.Text;

namespace Nemo.Client;

public sealed partial class NemoDraft
{
    /// <summary>
    /// Describes the timeline for people in one line, e.g.
    /// <c>Timeline (3 tracks): 1. Video: city timelapse (0-10s) 2. BGM: Lo-fi (0-10s, 35%) 3. Title: "Urban Dreams" (0-3s)</c>.
    /// </summary>
    /// <returns>The summary; <c>Timeline (0 tracks): empty</c> for a draft without tracks.</returns>
    /// <remarks>
    /// Each track shows its label (Video, BGM, Title, or <c>Track &lt;tt&gt;</c>), the first segment's name
    /// (for titles its quoted text; <c>N clips</c> when no segment is named), the span from the earliest
    /// start to the latest end in whole seconds, and for audio the first volume given.
    /// A track without segments shows <c>(no segments)</c>.
    /// </remarks>
    public string Summarize()
    {
        var summary = new StringBuilder();
        summary.Append(CultureInfo.InvariantCulture, $"Timeline ({Tracks.Count} {(Tracks.Count == 1 ? "track" : "tracks")}):");
        if (Tracks.Count == 0)
        {
            return summary.Append(" empty").ToString();
        }

        for (var i = 0; i < Tracks.Count; i++)
        {
            var track = Tracks[i];
            summary.Append(CultureInfo.InvariantCulture, $" {i + 1}. {Label(track)}: ");
            if (track.Segments.Count == 0)
            {
                summary.Append("(no segments)");
                continue;
            }

            var start = track.Segments.Min(static s => s.Start);
            var end = track.Segments.Max(static s => s.End);
            summary.Append(Describe(track))
                .Append(CultureInfo.InvariantCulture, $" ({WholeSeconds(start)}-{WholeSeconds(end)}s");
            if (track.Kind == DraftTrackKind.Audio && track.Segments.FirstOrDefault(static s => s.VolumePercent is not null) is { } withVolume)
            {
                summary.Append(CultureInfo.InvariantCulture, $", {withVolume.VolumePercent}%");
            }

            summary.Append(')');
        }

        return summary.ToString();
    }

    private static string Label(DraftTrack track) => track.Kind switch
    {
        DraftTrackKind.Video => "Video",
        DraftTrackKind.Audio => "BGM",
        DraftTrackKind.Text => "Title",
        _ => track.Type >= 0 ? $"Track {track.Type}" : "Track",
    };

    private static string Describe(DraftTrack track)
    {
        if (track.Kind == DraftTrackKind.Text && track.Segments.FirstOrDefault(static s => !string.IsNullOrEmpty(s.Text)) is { } title)
        {
            return $"\"{title.Text}\"";
        }

        if (track.Segments.FirstOrDefault(static s => !string.IsNullOrEmpty(s.Name)) is { } named)
        {
            return named.Name!;
        }

        var count = track.Segments.Count;
        var noun = track.Kind switch
        {
            DraftTrackKind.Video => "clip",
            DraftTrackKind.Audio => "audio segment",
            DraftTrackKind.Text => "text segment",
            _ => "segment",
        };
        return $"{count} {noun}{(count == 1 ? string.Empty : "s")}";
    }

    private static long WholeSeconds(TimeSpan time) =>
        (long)Math.Round(time.TotalSeconds, MidpointRounding.AwayFromZero);
}
