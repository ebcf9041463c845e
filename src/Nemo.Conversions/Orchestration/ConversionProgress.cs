namespace Nemo.Conversions;

/// <summary>The custom status a conversion publishes: what it is doing now.</summary>
/// <param name="Stage">The current stage.</param>
/// <param name="RenderProgress">Render progress 0–100 while waiting.</param>
/// <param name="Message">A short human-readable line.</param>
/// <param name="RenderId">The render being waited on, once started.</param>
public sealed record ConversionProgress(ConversionStage Stage, int? RenderProgress = null, string? Message = null, string? RenderId = null);
