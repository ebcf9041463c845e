using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nemo.Client;

/// <summary>
/// A session's timeline draft (<c>state.draft</c>), read from the short-key JSON (<c>t</c>, <c>tt</c>,
/// <c>sg</c>, <c>d</c>, <c>m</c>) and kept whole, unknown fields included, so it can be posted back for export.
/// </summary>
/// <remarks>
/// Reading never throws on a malformed draft: a part with the wrong shape (<c>t</c> not an array, a
/// track without <c>sg</c>, a number sent as a string, a negative time) is treated as absent, and
/// the JSON itself is still kept as it came. Immutable.
/// </remarks>
public sealed partial class NemoDraft
{
    private readonly JsonObject _json;

    private NemoDraft(JsonObject json, IReadOnlyList<DraftTrack> tracks, TimeSpan? duration, string? title)
    {
        _json = json;
        Tracks = tracks;
        Duration = duration;
        Title = title;
    }

    /// <summary>The tracks (<c>t</c>, also <c>tracks</c>) that are JSON objects, in order.</summary>
    public IReadOnlyList<DraftTrack> Tracks { get; }

    /// <summary>
    /// The total duration: <c>d</c> (ms), or else the end of the last segment, or <see langword="null"/>
    /// when the draft has neither.
    /// </summary>
    public TimeSpan? Duration { get; }

    /// <summary>The title from the metadata (<c>m.title</c>, also <c>m.name</c>), when present.</summary>
    public string? Title { get; }

    /// <summary>Whether there is anything to render: some track has at least one segment.</summary>
    public bool IsExportable => Tracks.Any(static t => t.Segments.Count > 0);

    /// <summary>Reads a draft.</summary>
    /// <param name="element">
    /// The draft object. A string holding a JSON object is read as that object; anything else
    /// (null, an array, a number) gives an empty draft.
    /// </param>
    /// <returns>The draft, independent of <paramref name="element"/>'s document.</returns>
    public static NemoDraft Parse(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.String && TryParseObject(element.GetString()!, out var inner))
        {
            return FromObject(inner);
        }

        return element.ValueKind == JsonValueKind.Object && TryParseObject(element.GetRawText(), out var json)
            ? FromObject(json)
            : FromObject([]);
    }

    /// <summary>Reads a draft from JSON text.</summary>
    /// <param name="json">The JSON text of the draft.</param>
    /// <returns>The draft; an empty draft when the JSON is not an object.</returns>
    /// <exception cref="JsonException"><paramref name="json"/> is not JSON at all.</exception>
    public static NemoDraft FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        return Parse(document.RootElement);
    }

    /// <summary>The draft as it came, every unknown field included: a fresh deep copy, free to change or post.</summary>
    /// <returns>A copy of the draft's JSON.</returns>
    public JsonObject ToJsonObject() => (JsonObject)_json.DeepClone();

    private static NemoDraft FromObject(JsonObject json)
    {
        // Read the copy rather than the caller's element: the two cannot drift apart.
        var root = JsonSerializer.SerializeToElement(json);
        var tracks = DraftJson.ReadTracks(root);
        var duration = DraftJson.ReadMilliseconds(root, "d", "duration", "dur")
            ?? (tracks.Any(static t => t.Segments.Count > 0)
                ? tracks.SelectMany(static t => t.Segments).Max(static s => s.End)
                : null);
        return new NemoDraft(json, tracks, duration, DraftJson.ReadTitle(root));
    }

    private static bool TryParseObject(string text, out JsonObject json)
    {
        try
        {
            if (JsonNode.Parse(text) is JsonObject parsed)
            {
                json = parsed;
                return true;
            }
        }
        catch (JsonException)
        {
            // A string that is not JSON is not a draft.
        }

        json = [];
        return false;
    }
}
