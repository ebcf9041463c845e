namespace Nemo.Conversions;

/// <summary>What the upload did.</summary>
/// <param name="Files">How many files Nemo accepted.</param>
/// <param name="ByUrl">Whether Nemo fetched them through short-lived read URLs (no bytes through this process).</param>
public sealed record UploadSummary(int Files, bool ByUrl);
