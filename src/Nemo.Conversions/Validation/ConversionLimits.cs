namespace Nemo.Conversions;

/// <summary>Limits every conversion request is checked against before any credit is spent.</summary>
public static class ConversionLimits
{
    /// <summary>The most images one conversion may use.</summary>
    public const int MaxImages = 20;

    /// <summary>The longest prompt accepted, in characters.</summary>
    public const int MaxPromptLength = 2000;

    /// <summary>The longest output name accepted, in characters (all segments together).</summary>
    public const int MaxNameLength = 200;

    /// <summary>The longest target duration accepted, in seconds.</summary>
    public const int MaxDurationSeconds = 600;
}
