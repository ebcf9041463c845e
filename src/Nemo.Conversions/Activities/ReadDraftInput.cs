namespace Nemo.Conversions;

/// <summary>Input of <see cref="ConversionActivityNames.ReadDraft"/>.</summary>
public sealed record ReadDraftInput(string Profile, string SessionId);
