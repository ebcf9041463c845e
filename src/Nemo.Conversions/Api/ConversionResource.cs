namespace Nemo.Conversions;

/// <summary>A conversion (or batch) as <c>GET /api/conversions/{id}</c> shows it.</summary>
public sealed record ConversionResource
{
    /// <summary>The instance id.</summary>
    public required string Id { get; init; }

    /// <summary><c>pending</c>, <c>running</c>, <c>succeeded</c>, <c>failed</c> or <c>cancelled</c>.</summary>
    public required ConversionResourceStatus Status { get; init; }

    /// <summary>The current stage while running; the failing stage when it failed.</summary>
    public ConversionStage? Stage { get; init; }

    /// <summary>Render progress 0–100 while waiting for the render.</summary>
    public int? RenderProgress { get; init; }

    /// <summary>A short line saying what it is doing.</summary>
    public string? Message { get; init; }

    /// <summary>When it was accepted.</summary>
    public DateTime CreatedAt { get; init; }

    /// <summary>When it last changed.</summary>
    public DateTime LastUpdatedAt { get; init; }

    /// <summary>The conversion's result, once it ended.</summary>
    public ConversionResult? Result { get; init; }

    /// <summary>A batch's summary, once it ended.</summary>
    public BatchSummary? Summary { get; init; }

    /// <summary>Why the orchestration itself failed, when it did.</summary>
    public string? Error { get; init; }
}
