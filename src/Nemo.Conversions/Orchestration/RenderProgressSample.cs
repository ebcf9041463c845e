namespace Nemo.Conversions;

/// <summary>A render's progress (0–100) at one orchestration time, for projecting when it will finish.</summary>
internal sealed record RenderProgressSample(DateTime At, int Progress);
