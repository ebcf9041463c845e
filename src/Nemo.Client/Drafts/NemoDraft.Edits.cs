using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nemo.Client;

public sealed partial class NemoDraft
{
    /// <summary>The canvas from the metadata (<c>m.width</c>, <c>m.height</c>), when both are whole numbers.</summary>
    public (int Width, int Height)? Canvas =>
        _json["m"] is JsonObject meta && Whole(meta["width"]) is { } width && Whole(meta["height"]) is { } height ? (width, height) : null;

    /// <summary>
    /// A copy without the tracks of <paramref name="kind"/> (for example <see cref="DraftTrackKind.Audio"/>: background
    /// music), everything else kept as it came. Editing a draft before export is free; only prompts cost credits.
    /// </summary>
    /// <param name="kind">The kind of track to drop.</param>
    /// <returns>The edited copy (this draft when it has no such track).</returns>
    public NemoDraft WithoutTracks(DraftTrackKind kind)
    {
        if (!Tracks.Any(track => track.Kind == kind))
        {
            return this;
        }

        var json = ToJsonObject();
        foreach (var name in (string[])["t", "tracks"])
        {
            if (json[name] is JsonArray tracks)
            {
                foreach (var track in tracks.Where(t => t is JsonObject o && DraftTrack.KindOf(Whole(o["tt"] ?? o["type"]) ?? -1) == kind).ToList())
                {
                    tracks.Remove(track);
                }

                break;
            }
        }

        return FromObject(json);
    }

    /// <summary>A copy whose canvas (<c>m.width</c>, <c>m.height</c>, <c>m.aspect_ratio</c>) is the given one.</summary>
    /// <param name="width">The width in pixels.</param>
    /// <param name="height">The height in pixels.</param>
    /// <param name="aspectRatio">The ratio as Nemo writes it, for example <c>9:16</c>.</param>
    /// <returns>The edited copy.</returns>
    public NemoDraft WithCanvas(int width, int height, string aspectRatio)
    {
        var json = ToJsonObject();
        var meta = json["m"] as JsonObject ?? [];
        meta["width"] = width;
        meta["height"] = height;
        meta["aspect_ratio"] = aspectRatio;
        json["m"] = meta;
        return FromObject(json);
    }

    private static int? Whole(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var number) ? number : null;
}
