namespace Nemo.Conversions;

/// <summary>A job folder's manifest, resolved: one conversion per item, at most <paramref name="Concurrency"/> at once.</summary>
/// <param name="Name">The job's name (its folder); the summary is written as <c>&lt;Name&gt;/summary.json</c>.</param>
/// <param name="Items">The conversions, with image keys already resolved against the job folder.</param>
/// <param name="Concurrency">The cap on conversions running at once.</param>
public sealed record BatchRequest(string Name, IReadOnlyList<ConversionRequest> Items, int Concurrency = 4);
