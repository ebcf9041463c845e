namespace Nemo.Conversions;

/// <summary>The account's credits at one moment (<see cref="ConversionActivityNames.GetCredits"/>).</summary>
public sealed record CreditsSnapshot(decimal Available, decimal Frozen, decimal Total);
