namespace Nemo.Simulator;

/// <summary>The documented render statuses.</summary>
internal enum RenderPhase
{
    Pending,
    Processing,
    Completed,
    Failed,
}
