namespace Nemo.Conversions;

/// <summary>The options people ask for, folded into the prompt sent to Nemo.</summary>
/// <param name="AspectRatio">Output framing; the agent's choice when omitted.</param>
/// <param name="DurationSeconds">Target duration in seconds; the agent's choice when omitted.</param>
/// <param name="BackgroundMusic">Whether to add background music; the agent's choice when omitted.</param>
/// <param name="Language">Session language sent to Nemo.</param>
public sealed record ConversionOptions(
    AspectRatio? AspectRatio = null,
    int? DurationSeconds = null,
    bool? BackgroundMusic = null,
    string Language = "en");
