namespace Nemo.Simulator;

/// <summary>A render as the simulator saw it, for measuring how quickly clients notice it finished.</summary>
/// <param name="Id">The render id.</param>
/// <param name="SessionId">Its session.</param>
/// <param name="StartedAt">When it was started (simulated time).</param>
/// <param name="FinalAt">The earliest moment a poll could see it completed or failed; null while unknown or when cancelled.</param>
/// <param name="FirstReportedFinalAt">When a status call first reported it final; null when none has.</param>
/// <param name="StatusCalls">Status calls answered for it.</param>
/// <param name="Cancelled">Whether it was cancelled.</param>
/// <param name="Draft">The draft the export posted (JSON), as rendered.</param>
public sealed record SimulatedRender(
    string Id,
    string SessionId,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinalAt,
    DateTimeOffset? FirstReportedFinalAt,
    int StatusCalls,
    bool Cancelled,
    string? Draft = null)
{
    /// <summary>How long after it became final a client first saw it; null when no client has.</summary>
    public TimeSpan? DetectionDelay => FinalAt is { } final && FirstReportedFinalAt is { } seen ? seen - final : null;
}
