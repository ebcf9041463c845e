using System.Text.Json.Nodes;

namespace Nemo.Simulator;

/// <summary>Builds the contract's short-key draft: one video segment per image, optional BGM and title tracks.</summary>
internal static class DraftBuilder
{
    public const int DefaultSegmentMilliseconds = 5000;
    public const int TitleMilliseconds = 3000;

    public static JsonObject Build(string sessionId, int revision, DraftSpec spec, IReadOnlyList<UploadRecord> uploads, string fallbackName)
    {
        var visuals = uploads.Where(u => u.Kind == MediaKind.Image).ToList();
        if (visuals.Count == 0)
        {
            visuals = [.. uploads.Where(u => u.Kind == MediaKind.Video)];
        }

        var count = Math.Max(1, visuals.Count);
        var total = spec.TotalMilliseconds ?? count * DefaultSegmentMilliseconds;
        var each = Math.Max(1, total / count);
        var (width, height) = spec.Size;

        var videoSegments = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var segment = new JsonObject
            {
                ["n"] = i < visuals.Count ? NameOf(visuals[i].FileName) : fallbackName,
                ["st"] = i * each,
                ["d"] = i == count - 1 ? total - (i * each) : each,
            };
            if (i < visuals.Count)
            {
                segment["src"] = visuals[i].CdnUrl;
            }

            if (spec.Zoom is not null || spec.Pan is not null)
            {
                var fx = new JsonObject();
                if (spec.Zoom is not null)
                {
                    fx["zoom"] = spec.Zoom;
                }

                if (spec.Pan is not null)
                {
                    fx["pan"] = spec.Pan;
                }

                segment["fx"] = fx;
            }

            videoSegments.Add(segment);
        }

        var tracks = new JsonArray { new JsonObject { ["tt"] = 0, ["sg"] = videoSegments } };
        if (spec.Music is not null)
        {
            tracks.Add(new JsonObject { ["tt"] = 1, ["sg"] = new JsonArray { new JsonObject { ["n"] = spec.Music, ["st"] = 0, ["d"] = total, ["vol"] = 35 } } });
        }

        if (spec.Title is not null)
        {
            tracks.Add(new JsonObject { ["tt"] = 7, ["sg"] = new JsonArray { new JsonObject { ["tx"] = spec.Title, ["st"] = 0, ["d"] = Math.Min(TitleMilliseconds, total) } } });
        }

        return new JsonObject
        {
            ["id"] = "draft_" + sessionId,
            ["rev"] = revision,
            ["d"] = total,
            ["m"] = new JsonObject
            {
                ["title"] = spec.Title ?? "Untitled",
                ["width"] = width,
                ["height"] = height,
                ["fps"] = 30,
                ["aspect_ratio"] = spec.AspectRatio,
            },
            ["t"] = tracks,
        };
    }

    public static JsonObject Empty(string sessionId) => new()
    {
        ["id"] = "draft_" + sessionId,
        ["rev"] = 0,
        ["d"] = 0,
        ["m"] = new JsonObject { ["title"] = "Untitled", ["width"] = 1920, ["height"] = 1080, ["fps"] = 30, ["aspect_ratio"] = "16:9" },
        ["t"] = new JsonArray(),
    };

    /// <summary>Whether some track has a non-empty <c>sg</c>.</summary>
    public static bool IsExportable(JsonNode? draft) =>
        draft is JsonObject obj && obj["t"] is JsonArray tracks
        && tracks.Any(t => t is JsonObject track && track["sg"] is JsonArray segments && segments.Count > 0);

    public static string Describe(JsonObject draft)
    {
        var seconds = (draft["d"]?.GetValue<int>() ?? 0) / 1000;
        var parts = new List<string> { $"{seconds} seconds" };
        if (draft["m"]?["aspect_ratio"]?.GetValue<string>() is { } aspect)
        {
            parts.Add(aspect);
        }

        foreach (var track in draft["t"]!.AsArray().OfType<JsonObject>())
        {
            var first = track["sg"]!.AsArray().FirstOrDefault();
            switch (track["tt"]?.GetValue<int>())
            {
                case 1:
                    parts.Add($"background music \"{first?["n"]}\"");
                    break;
                case 7:
                    parts.Add($"title \"{first?["tx"]}\"");
                    break;
                default:
                    break;
            }
        }

        return string.Join(", ", parts);
    }

    private static string NameOf(string fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName).Replace('_', ' ').Replace('-', ' ').Trim();
        return stem.Length == 0 ? "clip" : stem;
    }
}
