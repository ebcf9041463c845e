namespace Nemo.Conversions;

/// <summary>What a batch produced: one entry per item, in manifest order.</summary>
/// <param name="Name">The job's name.</param>
/// <param name="Succeeded">How many items succeeded.</param>
/// <param name="Failed">How many failed or were cancelled.</param>
/// <param name="Items">Each item's result.</param>
/// <param name="Refused">Why the job was refused before any item started (its items are then empty), or null.</param>
public sealed record BatchSummary(string Name, int Succeeded, int Failed, IReadOnlyList<ConversionResult> Items, string? Refused = null);
