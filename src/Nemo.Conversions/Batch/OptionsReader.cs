using System.Globalization;
using System.Text.Json;

namespace Nemo.Conversions;

/// <summary>Reads a manifest's <c>options</c> object field by field, over the defaults, reporting each bad field.</summary>
internal static class OptionsReader
{
    public static ConversionOptions Read(JsonElement options, string at, ConversionOptions? defaults, Action<string> problem)
    {
        var result = defaults ?? new ConversionOptions();
        foreach (var property in options.EnumerateObject())
        {
            var field = at + "." + property.Name;
            var value = property.Value;
            switch (property.Name)
            {
                case "aspectRatio":
                    if (ParseAspect(value) is { } aspect)
                    {
                        result = result with { AspectRatio = aspect };
                    }
                    else if (value.ValueKind != JsonValueKind.Null)
                    {
                        problem($"{field}: must be \"16:9\", \"9:16\" or \"1:1\"; got {value.GetRawText()}.");
                    }

                    break;
                case "durationSeconds":
                    if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var seconds)
                        && seconds is >= 1 and <= ConversionLimits.MaxDurationSeconds)
                    {
                        result = result with { DurationSeconds = seconds };
                    }
                    else if (value.ValueKind != JsonValueKind.Null)
                    {
                        problem(string.Create(
                            CultureInfo.InvariantCulture,
                            $"{field}: must be a whole number of seconds from 1 to {ConversionLimits.MaxDurationSeconds}; got {value.GetRawText()}."));
                    }

                    break;
                case "backgroundMusic":
                    if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                    {
                        result = result with { BackgroundMusic = value.GetBoolean() };
                    }
                    else if (value.ValueKind != JsonValueKind.Null)
                    {
                        problem($"{field}: must be true or false; got {value.GetRawText()}.");
                    }

                    break;
                case "language":
                    if (value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()))
                    {
                        result = result with { Language = value.GetString()!.Trim() };
                    }
                    else if (value.ValueKind != JsonValueKind.Null)
                    {
                        problem($"{field}: must be a language code such as \"en\"; got {value.GetRawText()}.");
                    }

                    break;
                default:
                    problem($"{field}: unknown option; the options are aspectRatio, durationSeconds, backgroundMusic and language.");
                    break;
            }
        }

        return result;
    }

    private static AspectRatio? ParseAspect(JsonElement value) =>
        value.ValueKind != JsonValueKind.String ? null : value.GetString()?.Trim().ToLowerInvariant() switch
        {
            "16:9" or "landscape" => AspectRatio.Landscape,
            "9:16" or "portrait" => AspectRatio.Portrait,
            "1:1" or "square" => AspectRatio.Square,
            _ => null,
        };
}
