namespace Nemo.Conversions;

/// <summary>Input of <see cref="ConversionActivityNames.CreateSession"/>.</summary>
public sealed record CreateSessionInput(string Profile, string Language);
