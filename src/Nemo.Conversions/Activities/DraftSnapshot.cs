namespace Nemo.Conversions;

/// <summary>What the session's draft looks like now (the draft JSON itself stays out of history).</summary>
/// <param name="Exportable">Some track has segments.</param>
/// <param name="Summary">The timeline summary.</param>
/// <param name="Fingerprint">A hash of the draft JSON, to tell whether it changed between reads.</param>
/// <param name="Tracks">Number of tracks.</param>
/// <param name="DurationMs">The draft's duration.</param>
public sealed record DraftSnapshot(bool Exportable, string Summary, string Fingerprint, int Tracks, long? DurationMs);
