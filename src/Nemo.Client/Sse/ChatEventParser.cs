using System.Text.Json;

namespace Nemo.Client;

/// <summary>
/// Turns the <c>data</c> of one server-sent event into chat events. Accepts the Google ADK shape
/// (<c>content.parts[]</c>, <c>errorCode</c>/<c>errorMessage</c>, <c>{"error":…}</c>) and the
/// simplified shape (<c>{"type":"text"|"tool_call"|"tool_result"|"heartbeat"|"error",…}</c>).
/// </summary>
/// <remarks>
/// Never throws on server data. The result is empty when the data held nothing usable (not JSON,
/// an unknown shape, a thought part): such data still counts as server activity. Empty or blank
/// data and heartbeats give exactly one <see cref="ChatKeepAliveEvent"/>.
/// </remarks>
internal static class ChatEventParser
{
    private static readonly ChatEvent[] KeepAlive = [ChatKeepAliveEvent.Instance];
    private static readonly JsonElement EmptyObject = JsonSerializer.Deserialize<JsonElement>("{}");

    /// <summary>Parses one event's data; matches <see cref="System.Net.ServerSentEvents.SseItemParser{T}"/>.</summary>
    public static IReadOnlyList<ChatEvent> Parse(string eventType, ReadOnlySpan<byte> data)
    {
        if (IsBlank(data))
        {
            return KeepAlive;
        }

        JsonElement root;
        try
        {
            // ParseValue copies the data, so the elements stay valid after the parser reuses its buffer.
            var reader = new Utf8JsonReader(data, new JsonReaderOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
            root = JsonElement.ParseValue(ref reader);

            // One event holds one document: anything but whitespace after it makes the data invalid.
            if (reader.Read())
            {
                return [];
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's error page, a stray log line): never show it to people.
            return [];
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        return GetString(root, "type") is { } type ? ParseSimplified(type, root) : ParseAdk(root);
    }

    private static ChatEvent[] ParseSimplified(string type, JsonElement root)
    {
        switch (type.ToLowerInvariant())
        {
            case "heartbeat" or "ping" or "keepalive" or "keep-alive":
                return KeepAlive;
            case "text":
                var text = GetString(root, "content") ?? GetString(root, "text");
                return text is null ? [] : [new ChatTextEvent(text, GetString(root, "author"), GetBool(root, "partial"))];
            case "tool_call":
                var callName = GetString(root, "name");
                return callName is null
                    ? []
                    : [new ChatToolCallEvent(callName, GetString(root, "id"), GetJson(root, "args", "arguments"))];
            case "tool_result":
                var resultName = GetString(root, "name");
                return resultName is null
                    ? []
                    : [new ChatToolResultEvent(resultName, GetString(root, "id"), GetJson(root, "result", "response"))];
            case "error":
                var message = GetString(root, "message") ?? GetString(root, "error") ?? GetString(root, "content");
                return message is null ? [] : [new ChatErrorEvent(message, GetScalar(root, "code"))];
            default:
                return [];
        }
    }

    private static List<ChatEvent> ParseAdk(JsonElement root)
    {
        var events = new List<ChatEvent>();
        var author = GetString(root, "author");
        var partial = GetBool(root, "partial");

        if (root.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Object
            && content.TryGetProperty("parts", out var parts) && parts.ValueKind == JsonValueKind.Array)
        {
            foreach (var part in parts.EnumerateArray())
            {
                if (ParsePart(part, author, partial) is { } chatEvent)
                {
                    events.Add(chatEvent);
                }
            }
        }

        var code = GetScalar(root, "errorCode") ?? GetScalar(root, "error_code");
        var message = GetString(root, "errorMessage") ?? GetString(root, "error_message");
        if (code is not null || message is not null)
        {
            events.Add(new ChatErrorEvent(message ?? code!, code));
        }
        else if (root.TryGetProperty("error", out var error))
        {
            var errorMessage = error.ValueKind == JsonValueKind.Object ? GetString(error, "message") : GetScalar(root, "error");
            if (errorMessage is not null)
            {
                events.Add(new ChatErrorEvent(errorMessage, error.ValueKind == JsonValueKind.Object ? GetScalar(error, "code") : null));
            }
        }

        return events;
    }

    private static ChatEvent? ParsePart(JsonElement part, string? author, bool partial)
    {
        if (part.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        // Thought parts are the model's private reasoning, not a reply.
        if (GetString(part, "text") is { Length: > 0 } text && !GetBool(part, "thought"))
        {
            return new ChatTextEvent(text, author, partial);
        }

        if (part.TryGetProperty("functionCall", out var call) && call.ValueKind == JsonValueKind.Object
            && GetString(call, "name") is { } callName)
        {
            return new ChatToolCallEvent(callName, GetString(call, "id"), GetJson(call, "args", "arguments"));
        }

        if (part.TryGetProperty("functionResponse", out var response) && response.ValueKind == JsonValueKind.Object
            && GetString(response, "name") is { } responseName)
        {
            return new ChatToolResultEvent(responseName, GetString(response, "id"), GetJson(response, "response", "result"));
        }

        return null;
    }

    private static bool IsBlank(ReadOnlySpan<byte> data) =>
        data.IndexOfAnyExcept(" \t\r\n"u8) < 0;

    private static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A string, or the raw text of a number (error codes come both ways).</summary>
    private static string? GetScalar(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    private static bool GetBool(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static JsonElement GetJson(JsonElement element, string name, string alternativeName) =>
        (element.TryGetProperty(name, out var value) || element.TryGetProperty(alternativeName, out value))
        && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
            ? value
            : EmptyObject;
}
