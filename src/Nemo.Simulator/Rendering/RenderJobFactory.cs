using System.Text.Json.Nodes;

namespace Nemo.Simulator;

/// <summary>Turns a posted draft into a <see cref="RenderJob"/>: size from <c>m</c>, images from the video segments' <c>src</c> (or the session's images), motion from <c>fx</c>.</summary>
internal static class RenderJobFactory
{
    public static RenderJob Create(JsonObject draft, IReadOnlyList<UploadRecord> uploads, string outputPath)
    {
        var width = Even(draft["m"]?["width"], 1920);
        var height = Even(draft["m"]?["height"], 1080);
        var segments = (draft["t"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(t => IntOf(t["tt"]) == 0)
            .SelectMany(t => (t["sg"] as JsonArray ?? []).OfType<JsonObject>())
            .ToList();
        var images = uploads.Where(u => u.Kind == MediaKind.Image).ToList();
        var chosen = segments
            .Select(s => RequestJson.String(s["src"]))
            .Select(src => images.FirstOrDefault(u => src is not null && src.EndsWith(Path.GetFileName(u.LocalPath), StringComparison.Ordinal)))
            .OfType<UploadRecord>()
            .Select(u => u.LocalPath)
            .ToList();
        if (chosen.Count == 0)
        {
            chosen = [.. images.Select(u => u.LocalPath)];
        }

        var fx = segments.Select(s => s["fx"] as JsonObject).FirstOrDefault(f => f is not null);
        return new RenderJob(outputPath, width, height, [.. chosen.Take(8)], RequestJson.String(fx?["zoom"]), RequestJson.String(fx?["pan"]));
    }

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
