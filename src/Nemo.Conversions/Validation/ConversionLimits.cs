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

    /// <summary>
    /// The largest JSON body <c>POST /api/conversions</c> reads (256 KiB: 20 image URLs and a 2,000-character prompt
    /// fit many times over); a larger one is refused with 413 as soon as it is known, without reading the rest.
    /// </summary>
    public const int MaxJsonBodyBytes = 256 * 1024;

    /// <summary>The largest multipart body <c>POST /api/conversions</c> reads (1 GiB: several large images).</summary>
    public const long MaxMultipartBodyBytes = 1L << 30;
}
