using System.Text.Json.Nodes;

namespace Nemo.Simulator;

/// <summary>
/// Turns a posted draft into a <see cref="RenderJob"/>: size from <c>m</c>, length from <c>d</c> (or the segments'
/// ends), pictures and their durations from the video segments (<c>src</c>, <c>d</c>; the session's images in equal
/// shares when no segment names one), motion from <c>fx</c>, music from the audio tracks' segments (<c>st</c>,
/// <c>d</c>, <c>vol</c>).
/// </summary>
internal static class RenderJobFactory
{
    private const int DefaultVolume = 100;

    public static RenderJob Create(JsonObject draft, IReadOnlyList<UploadRecord> uploads, string outputPath, TimeSpan maxLength)
    {
        var width = Even(draft["m"]?["width"], 1920);
        var height = Even(draft["m"]?["height"], 1080);
        var tracks = (draft["t"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var videoSegments = SegmentsOf(tracks, 0);
        var images = uploads.Where(u => u.Kind == MediaKind.Image).ToList();
        var chosen = videoSegments
            .Select(s => (Upload: images.FirstOrDefault(u => RequestJson.String(s["src"]) is { } src && src.EndsWith(Path.GetFileName(u.LocalPath), StringComparison.Ordinal)), Duration: Milliseconds(s["d"])))
            .Where(c => c.Upload is not null)
            .Select(c => (Upload: c.Upload!, c.Duration))
            .ToList();
        if (chosen.Count == 0)
        {
            chosen = [.. images.Select(u => (u, (TimeSpan?)null))];
        }

        var timeline = TimelineLength(draft, tracks, chosen.Count);
        var length = timeline < maxLength ? timeline : maxLength;

        // Durations fill the MP4 in proportion to the segments' own (equal shares where a segment gave none), so a
        // capped render still shows every picture.
        var weights = chosen.Select(c => c.Duration is { } d && d > TimeSpan.Zero ? d.TotalMilliseconds : 1).ToList();
        var total = weights.Sum();
        var clips = chosen
            .Select((c, i) => new RenderClip(c.Upload.LocalPath, IsGif(c.Upload), length * (weights[i] / total)))
            .ToList();

        var scale = length / timeline;
        var music = SegmentsOf(tracks, 1)
            .Select(s => new MusicSpan(
                (Milliseconds(s["st"]) ?? TimeSpan.Zero) * scale,
                (Milliseconds(s["d"]) ?? timeline) * scale,
                Math.Clamp(IntOf(s["vol"]) ?? DefaultVolume, 0, 100)))
            .Where(m => m.Duration > TimeSpan.Zero && m.Start < length && m.Volume > 0)
            .ToList();

        var fx = videoSegments.Select(s => s["fx"] as JsonObject).FirstOrDefault(f => f is not null);
        return new RenderJob(outputPath, width, height, clips, RequestJson.String(fx?["zoom"]), RequestJson.String(fx?["pan"]), music, length, timeline);
    }

    /// <summary>The draft's <c>d</c>; without one, where its last segment ends; without segment times, 5 s a picture.</summary>
    private static TimeSpan TimelineLength(JsonObject draft, List<JsonObject> tracks, int pictures)
    {
        if (Milliseconds(draft["d"]) is { } d && d > TimeSpan.Zero)
        {
            return d;
        }

        var end = tracks
            .SelectMany(t => (t["sg"] as JsonArray ?? []).OfType<JsonObject>())
            .Select(s => (Milliseconds(s["st"]) ?? TimeSpan.Zero) + (Milliseconds(s["d"]) ?? TimeSpan.Zero))
            .DefaultIfEmpty(TimeSpan.Zero)
            .Max();
        return end > TimeSpan.Zero ? end : TimeSpan.FromMilliseconds(DraftBuilder.DefaultSegmentMilliseconds * Math.Max(1, pictures));
    }

    private static List<JsonObject> SegmentsOf(List<JsonObject> tracks, int type) =>
        [.. tracks.Where(t => IntOf(t["tt"]) == type).SelectMany(t => (t["sg"] as JsonArray ?? []).OfType<JsonObject>())];

    private static bool IsGif(UploadRecord upload) => string.Equals(upload.Format, "gif", StringComparison.OrdinalIgnoreCase);

    private static TimeSpan? Milliseconds(JsonNode? node) => IntOf(node) is { } ms and >= 0 ? TimeSpan.FromMilliseconds(ms) : null;

    private static int Even(JsonNode? node, int fallback)
    {
        var value = IntOf(node) ?? fallback;
        value = Math.Clamp(value, 16, 1920);
        return value - (value % 2);
    }

    private static int? IntOf(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<int>(out var n) ? n
        : node is JsonValue d && d.TryGetValue<double>(out var x) ? (int)x
        : null;
}
