using System.Text.Json.Nodes;

namespace Nemo.Simulator;

/// <summary>A render. Its status is computed from elapsed (scaled) time, not advanced by a loop.</summary>
internal sealed class RenderRecord(string id, UserAccount user, string sessionId, JsonObject draft, DateTimeOffset createdAt, TimeSpan duration, string outputPath)
    : IDisposable
{
    // Stops the MP4 build when the render is cancelled: a cancelled render does not go on encoding.
    private readonly CancellationTokenSource _stopBuild = new();

    public const string DefaultFailure = "Render failed: the encoder stopped unexpectedly";

    public string Id { get; } = id;

    public UserAccount User { get; } = user;

    public string SessionId { get; } = sessionId;

    public JsonObject Draft { get; } = draft;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public TimeSpan Duration { get; } = duration;

    public string OutputPath { get; } = outputPath;

    /// <summary>Elapsed time at which the render fails, if it does.</summary>
    public TimeSpan? FailAfter { get; set; }

    public string? FailMessage { get; set; }

    public RenderSnapshot? CancelledAt { get; set; }

    /// <summary>Builds the MP4; completes with its size.</summary>
    public Task<long>? Output { get; set; }

    /// <summary>When the MP4 was built (simulated time).</summary>
    public DateTimeOffset? OutputReadyAt { get; set; }

    /// <summary>When a status call first reported the render final (simulated time).</summary>
    public DateTimeOffset? FirstReportedFinalAt { get; set; }

    /// <summary>Status calls answered for this render.</summary>
    public int StatusCalls { get; set; }

    /// <summary>
    /// The earliest moment a status call could report the render final: when it fails, or when both its duration has
    /// elapsed and the MP4 exists. Null while that is not yet known.
    /// </summary>
    public DateTimeOffset? FinalAt => CancelledAt is not null
        ? null
        : FailAfter is { } failAfter && failAfter < Duration
            ? CreatedAt + failAfter
            : OutputReadyAt is { } ready ? (ready > CreatedAt + Duration ? ready : CreatedAt + Duration) : null;

    /// <summary>Cancelled when the render is; the MP4 build observes it.</summary>
    public CancellationToken BuildStopping => _stopBuild.Token;

    /// <summary>Stops the MP4 build (after a cancel).</summary>
    public void StopBuild() => _stopBuild.Cancel();

    public void Dispose() => _stopBuild.Dispose();

    public RenderSnapshot StatusAt(DateTimeOffset now)
    {
        if (CancelledAt is { } cancelled)
        {
            return cancelled;
        }

        var elapsed = now - CreatedAt;
        if (FailAfter is { } failAfter && elapsed >= failAfter)
        {
            return new RenderSnapshot(RenderPhase.Failed, ProgressAt(failAfter), FailMessage ?? DefaultFailure);
        }

        if (elapsed < Duration * 0.1)
        {
            return new RenderSnapshot(RenderPhase.Pending, 5, null);
        }

        if (elapsed < Duration || Output is not { IsCompleted: true } output)
        {
            return new RenderSnapshot(RenderPhase.Processing, Math.Min(ProgressAt(elapsed), 99), null);
        }

        return output.IsCompletedSuccessfully
            ? new RenderSnapshot(RenderPhase.Completed, 100, null)
            : new RenderSnapshot(RenderPhase.Failed, 99, DefaultFailure);
    }

    private int ProgressAt(TimeSpan elapsed) =>
        5 + (int)(94 * Math.Clamp(elapsed / Duration, 0, 1));
}
