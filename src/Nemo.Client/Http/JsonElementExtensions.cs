using System.Globalization;
using System.Text.Json;

namespace Nemo.Client;

/// <summary>Tolerant readers for JSON whose shape varies between documented variants.</summary>
internal static class JsonElementExtensions
{
    /// <summary>The named property when the element is an object and the property is not null.</summary>
    public static JsonElement? Prop(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
            ? value
            : null;

    /// <summary>The named property when the element is an object and the property is not null.</summary>
    public static JsonElement? Prop(this JsonElement? element, string name) =>
        element is { } e ? e.Prop(name) : null;

    /// <summary>A string, or a number's raw text (ids); otherwise <see langword="null"/>.</summary>
    public static string? AsString(this JsonElement? element) =>
        element switch
        {
            { ValueKind: JsonValueKind.String } e => e.GetString(),
            { ValueKind: JsonValueKind.Number } e => e.GetRawText(),
            _ => null,
        };

    /// <summary>An integer from a number or a numeric string (fractions are truncated).</summary>
    public static int? AsInt(this JsonElement? element)
    {
        switch (element)
        {
            case { ValueKind: JsonValueKind.Number } e when e.TryGetDouble(out var d):
                return (int)Math.Clamp(d, int.MinValue, int.MaxValue);
            case { ValueKind: JsonValueKind.String } e when double.TryParse(e.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed):
                return (int)Math.Clamp(parsed, int.MinValue, int.MaxValue);
            default:
                return null;
        }
    }

    /// <summary>A boolean, or <see langword="null"/> when absent or not a boolean.</summary>
    public static bool? AsBool(this JsonElement? element) =>
        element switch
        {
            { ValueKind: JsonValueKind.True } => true,
            { ValueKind: JsonValueKind.False } => false,
            _ => null,
        };
}
