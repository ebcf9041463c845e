namespace Nemo.Conversions;

/// <summary>A Nemo session the conversion works in.</summary>
public sealed record SessionRef(string SessionId, string? TaskId);
