namespace Nemo.Client;

/// <summary>A Nemo editing session (one task with its chat session).</summary>
/// <param name="TaskId">The task id.</param>
/// <param name="SessionId">The session id (a long numeric string) used by upload, chat and state.</param>
/// <param name="UserId">The user id, when Nemo returned one.</param>
public sealed record NemoSession(string TaskId, string SessionId, string? UserId);
