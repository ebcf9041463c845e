namespace Nemo.Client;

/// <summary>A render's status as last reported by Nemo.</summary>
/// <param name="Id">The render id (<c>render_…</c>).</param>
/// <param name="State">Where the render is.</param>
/// <param name="Progress">Progress 0–100, when reported.</param>
/// <param name="OutputUrl">The finished MP4, once Nemo reports it.</param>
/// <param name="Error">Nemo's reason for a failure (sanitised), when reported.</param>
public sealed record RenderStatus(string Id, RenderState State, int? Progress, Uri? OutputUrl, string? Error)
{
    /// <summary>Whether the render stopped for good (completed, failed or cancelled).</summary>
    public bool IsFinal => State is RenderState.Completed or RenderState.Failed or RenderState.Cancelled;
}
