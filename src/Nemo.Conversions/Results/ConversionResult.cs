namespace Nemo.Conversions;

/// <summary>
/// What a conversion produced, written as <c>&lt;name&gt;.result.json</c> next to the MP4 (or alone, when it failed),
/// returned by status queries and carried by the completion event.
/// </summary>
public sealed record ConversionResult
{
    /// <summary>The orchestration instance id.</summary>
    public required string Id { get; init; }

    /// <summary>The output name (without extension and version suffix).</summary>
    public required string Name { get; init; }

    /// <summary>How it ended.</summary>
    public required ConversionStatus Status { get; init; }

    /// <summary>The profile name.</summary>
    public required string Profile { get; init; }

    /// <summary>The user's prompt (as given, before options were folded in).</summary>
    public required string Prompt { get; init; }

    /// <summary>The input keys.</summary>
    public IReadOnlyList<string> Images { get; init; } = [];

    /// <summary>1 for the first render, 2, 3… for iterations (<c>&lt;name&gt;.v2.mp4</c>).</summary>
    public int Version { get; init; } = 1;

    /// <summary>The MP4's key in the output area, when it succeeded.</summary>
    public string? Output { get; init; }

    /// <summary>The MP4's size in bytes.</summary>
    public long? OutputBytes { get; init; }

    /// <summary>The draft's timeline summary, e.g. <c>Timeline (2 tracks): 1. Video: … 2. BGM: …</c>.</summary>
    public string? Timeline { get; init; }

    /// <summary>The Nemo session id.</summary>
    public string? SessionId { get; init; }

    /// <summary>
    /// Whether <see cref="SessionId"/> took a prompt (or may have: a reply cut short counts), so that a retry reads its
    /// draft rather than paying for another generation there.
    /// </summary>
    public bool SessionPrompted { get; init; }

    /// <summary>The attempt this one retried, when it was a retry.</summary>
    public string? RetryOf { get; init; }

    /// <summary>The render id of the render that produced the output.</summary>
    public string? RenderId { get; init; }

    /// <summary>Available credits before the conversion.</summary>
    public decimal? CreditsBefore { get; init; }

    /// <summary>Available credits after it.</summary>
    public decimal? CreditsAfter { get; init; }

    /// <summary>Per-stage timings.</summary>
    public IReadOnlyList<StageTiming> Stages { get; init; } = [];

    /// <summary>The agent's own words (GUI instructions removed).</summary>
    public string? AgentText { get; init; }

    /// <summary>Things worth knowing that did not stop it (a retried render, a recovered stream, a follow-up message).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Why it failed, when it did.</summary>
    public ConversionFailure? Failure { get; init; }

    /// <summary>When the orchestration started (orchestration time).</summary>
    public DateTime StartedAt { get; init; }

    /// <summary>When it ended (orchestration time).</summary>
    public DateTime CompletedAt { get; init; }
}
