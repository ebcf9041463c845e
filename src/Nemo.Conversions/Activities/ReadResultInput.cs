namespace Nemo.Conversions;

/// <summary>Input of <see cref="ConversionActivityNames.ReadResult"/>.</summary>
/// <param name="Name">The conversion's output name.</param>
/// <param name="Version">A version to read; the highest version present when null.</param>
public sealed record ReadResultInput(string Name, int? Version = null);
