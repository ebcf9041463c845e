using System.Text.Json;

namespace Nemo.Client;

/// <summary>Reads draft fields by their short keys and the alternative names, treating wrong shapes as absent.</summary>
internal static class DraftJson
{
    // Beyond this a time is nonsense (and TimeSpan would overflow): about 31 years.
    private const double MaxMilliseconds = 1e12;

    public static IReadOnlyList<DraftTrack> ReadTracks(JsonElement root)
    {
        if (GetArray(root, "t", "tracks") is not { } tracks)
        {
            return [];
        }

        var result = new List<DraftTrack>();
        foreach (var track in tracks.EnumerateArray())
        {
            if (track.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var type = ReadInt(track, "tt", "type") ?? -1;
            var segments = new List<DraftSegment>();
            if (GetArray(track, "sg", "segments") is { } items)
            {
                foreach (var item in items.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object)
                    {
                        segments.Add(ReadSegment(item));
                    }
                }
            }

            result.Add(new DraftTrack(type, DraftTrack.KindOf(type), segments));
        }

        return result;
    }

    public static string? ReadTitle(JsonElement root) =>
        (root.TryGetProperty("m", out var meta) || root.TryGetProperty("metadata", out meta))
        && meta.ValueKind == JsonValueKind.Object
            ? ReadString(meta, "title", "name")
            : null;

    public static TimeSpan? ReadMilliseconds(JsonElement element, params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
                && value.TryGetDouble(out var ms) && ms is >= 0 and <= MaxMilliseconds)
            {
                return TimeSpan.FromMilliseconds(ms);
            }
        }

        return null;
    }

    private static DraftSegment ReadSegment(JsonElement segment) => new(
        ReadString(segment, "n", "name", "title"),
        ReadString(segment, "tx", "text"),
        ReadMilliseconds(segment, "st", "start", "s") ?? TimeSpan.Zero,
        ReadMilliseconds(segment, "d", "dur", "duration") ?? TimeSpan.Zero,
        ReadVolume(segment));

    private static int? ReadVolume(JsonElement segment)
    {
        foreach (var name in (ReadOnlySpan<string>)["vol", "volume", "v"])
        {
            if (segment.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
                && value.TryGetDouble(out var volume) && volume is >= 0 and <= 1000)
            {
                return (int)Math.Round(volume <= 1 ? volume * 100 : volume, MidpointRounding.AwayFromZero);
            }
        }

        return null;
    }

    private static int? ReadInt(JsonElement element, params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
                && value.TryGetInt32(out var number))
            {
                return number;
            }
        }

        return null;
    }

    private static string? ReadString(JsonElement element, params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
            {
                return value.GetString();
            }
        }

        return null;
    }

    private static JsonElement? GetArray(JsonElement element, params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array)
            {
                return value;
            }
        }

        return null;
    }
}
