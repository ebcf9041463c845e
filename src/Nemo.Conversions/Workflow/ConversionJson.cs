using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nemo.Conversions;

/// <summary>
/// The one JSON shape for everything the pipeline persists or exchanges: orchestration inputs and outputs, result
/// files, events, the HTTP API. camelCase, enums as their documented strings, nulls omitted.
/// </summary>
public static class ConversionJson
{
    /// <summary>Options for reading and writing (indented: result files are read by people).</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: true);

    /// <summary>The same, on one line (history journals, JSON Lines, event bodies).</summary>
    public static JsonSerializerOptions Compact { get; } = Create(indented: false);

    /// <summary>
    /// Reads a persisted JSON object (an instance's output or custom status) as <typeparamref name="T"/>; null when
    /// there is none, it is not an object, or it has another shape (a newer version, another orchestrator).
    /// </summary>
    public static T? TryRead<T>(JsonElement? json)
        where T : class
    {
        if (json is not { ValueKind: JsonValueKind.Object } element)
        {
            return null;
        }

        try
        {
            return element.Deserialize<T>(Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            RespectNullableAnnotations = true,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
