namespace Nemo.Simulator;

/// <summary>A render's status at one moment.</summary>
internal sealed record RenderSnapshot(RenderPhase Phase, int Progress, string? Error)
{
    public string Status => Phase switch
    {
        RenderPhase.Pending => "pending",
        RenderPhase.Processing => "processing",
        RenderPhase.Completed => "completed",
        _ => "failed",
    };
}
