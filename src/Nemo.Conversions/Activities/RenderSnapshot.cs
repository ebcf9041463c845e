using Nemo.Client;

namespace Nemo.Conversions;

/// <summary>A render's status (the output URL stays out of history: it may be signed).</summary>
/// <param name="RenderId">The render id.</param>
/// <param name="State">Its state.</param>
/// <param name="Progress">0–100.</param>
/// <param name="Error">The server's error text for a failed render.</param>
/// <param name="RetryAfterSeconds">When the server rate-limited the poll: wait at least this long before the next.</param>
/// <param name="Notes">From the export: how the draft was held to the user's options, or where it disagrees with them.</param>
public sealed record RenderSnapshot(
    string RenderId, RenderState State, int? Progress, string? Error = null, double? RetryAfterSeconds = null, IReadOnlyList<string>? Notes = null);
