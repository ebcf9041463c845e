using System.Globalization;
using Nemo.Client;

namespace Nemo.Conversions;

/// <summary>
/// Holds a draft to the options the user set before it is exported: what can be enforced free of charge is (no
/// background music: its tracks are dropped; an aspect ratio: the canvas is set), and where the draft disagrees and
/// only another prompt (credits) could change it, a note says so for the result's warnings.
/// </summary>
internal static class DraftOptions
{
    /// <summary>How far the draft's length may stray from the asked duration before a note says so: 20 %, at least 2 s.</summary>
    private const double DurationTolerance = 0.2;

    /// <summary>The draft to export for <paramref name="options"/>, and what was changed or could not be.</summary>
    public static (NemoDraft Draft, IReadOnlyList<string> Notes) Apply(NemoDraft draft, ConversionOptions? options)
    {
        var notes = new List<string>();
        if (options is null)
        {
            return (draft, notes);
        }

        var audio = draft.Tracks.Count(t => t.Kind == DraftTrackKind.Audio);
        if (options.BackgroundMusic == false && audio > 0)
        {
            draft = draft.WithoutTracks(DraftTrackKind.Audio);
            notes.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"The draft had {(audio == 1 ? "an audio (background music) track" : $"{audio} audio (background music) tracks")}; removed before export, since no background music was asked for."));
        }
        else if (options.BackgroundMusic == true && audio == 0)
        {
            notes.Add("Background music was asked for, but the draft has none; adding it would take another prompt (credits), so the video was rendered without.");
        }

        if (options.AspectRatio is { } aspect)
        {
            var (width, height, name) = aspect switch
            {
                AspectRatio.Portrait => (1080, 1920, "9:16"),
                AspectRatio.Square => (1080, 1080, "1:1"),
                _ => (1920, 1080, "16:9"),
            };
            if (draft.Canvas != (width, height))
            {
                var was = draft.Canvas is { } canvas ? string.Create(CultureInfo.InvariantCulture, $"{canvas.Width}×{canvas.Height}") : "unset";
                draft = draft.WithCanvas(width, height, name);
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"The draft's canvas was {was}; set to {width}×{height} for the {name} asked for, before export."));
            }
        }

        if (options.DurationSeconds is { } seconds && draft.Duration is { } length)
        {
            var off = Math.Abs(length.TotalSeconds - seconds);
            if (off > Math.Max(2, seconds * DurationTolerance))
            {
                notes.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"The draft is {length.TotalSeconds:0.#} s long where about {seconds} s were asked for; changing it would take another prompt (credits), so it was rendered as drafted."));
            }
        }

        return (draft, notes);
    }
}
