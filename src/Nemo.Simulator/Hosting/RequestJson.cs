using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nemo.Simulator;

/// <summary>Reads a JSON request body once (the middleware peeks ids from it, the handler uses it).</summary>
internal static class RequestJson
{
    private const long MaxBytes = 8 * 1024 * 1024;
    private static readonly object Key = new();

    public static bool IsJson(HttpRequest request) =>
        request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The body as a JSON object, or null when it is absent, too large or not a JSON object.</summary>
    public static async Task<JsonObject?> ReadAsync(HttpContext context)
    {
        if (context.Items.TryGetValue(Key, out var cached))
        {
            return cached as JsonObject;
        }

        JsonObject? result = null;
        if (context.Request.ContentLength is null or <= MaxBytes)
        {
            try
            {
                using var limited = new MemoryStream();
                var buffer = new byte[16 * 1024];
                int read;
                while (limited.Length <= MaxBytes && (read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
                {
                    limited.Write(buffer, 0, read);
                }

                result = limited.Length is > 0 and <= MaxBytes ? JsonNode.Parse(limited.GetBuffer().AsMemory(0, (int)limited.Length).Span) as JsonObject : null;
            }
            catch (JsonException)
            {
                result = null;
            }
        }

        context.Items[Key] = result;
        return result;
    }

    public static string? String(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text
        : node is JsonValue number && number.TryGetValue<long>(out var n) ? n.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : null;
}
