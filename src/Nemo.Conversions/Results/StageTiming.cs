namespace Nemo.Conversions;

/// <summary>When a stage started and ended (orchestration time).</summary>
public sealed record StageTiming(ConversionStage Stage, DateTime StartedAt, DateTime CompletedAt)
{
    /// <summary>The stage's duration in seconds.</summary>
    public double Seconds => (CompletedAt - StartedAt).TotalSeconds;
}
