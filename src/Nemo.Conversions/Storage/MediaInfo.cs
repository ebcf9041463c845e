namespace Nemo.Conversions;

/// <summary>An input's name and length.</summary>
/// <param name="Key">The key in the store.</param>
/// <param name="FileName">The last path segment, for messages and uploads.</param>
/// <param name="Length">Length in bytes.</param>
public sealed record MediaInfo(string Key, string FileName, long Length);
