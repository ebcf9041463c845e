using System.Net;
using System.Text.Json.Nodes;

namespace Nemo.Simulator.Tests;

/// <summary>A whole SSE response, split into its <c>data:</c> payloads.</summary>
internal sealed class SseTranscript(HttpStatusCode status, string? mediaType, string raw)
{
    public HttpStatusCode Status { get; } = status;

    public string? MediaType { get; } = mediaType;

    public string Raw { get; } = raw;

    public IReadOnlyList<string> Lines => Raw.Split('\n');

    /// <summary>Every <c>data:</c> payload, empty string for an empty keep-alive.</summary>
    public IReadOnlyList<string> Data => [.. Lines.Where(l => l.StartsWith("data:", StringComparison.Ordinal)).Select(l => l["data:".Length..].Trim())];

    public IReadOnlyList<JsonObject> Events => [.. Data.Where(d => d.Length > 0).Select(d => JsonNode.Parse(d)!.AsObject())];

    public int EmptyKeepAlives => Data.Count(d => d.Length == 0);

    /// <summary>Texts of either shape.</summary>
    public IReadOnlyList<string> Texts =>
    [
        .. Events.SelectMany(e => e["content"] is JsonObject content
            ? content["parts"]!.AsArray().Select(p => p?["text"]?.GetValue<string>()).OfType<string>()
            : e["type"]?.GetValue<string>() == "text" ? [e["content"]!.GetValue<string>()] : []),
    ];
}
