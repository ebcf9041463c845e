using System.Text.Json.Serialization;

namespace Nemo.Conversions;

/// <summary>Output framing.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AspectRatio>))]
public enum AspectRatio
{
    /// <summary>16:9, 1920×1080.</summary>
    [JsonStringEnumMemberName("16:9")]
    Landscape,

    /// <summary>9:16, 1080×1920.</summary>
    [JsonStringEnumMemberName("9:16")]
    Portrait,

    /// <summary>1:1, 1080×1080.</summary>
    [JsonStringEnumMemberName("1:1")]
    Square,
}
