namespace Nemo.Conversions;

/// <summary>An MP4 in the output area.</summary>
public sealed record SavedOutput(string Key, long Bytes);
