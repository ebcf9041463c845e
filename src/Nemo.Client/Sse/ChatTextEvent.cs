namespace Nemo.Client;

/// <summary>Text written by the agent. Pass it through <see cref="ChatReply"/> before showing it to people.</summary>
/// <param name="Text">The text of this event.</param>
/// <param name="Author">The agent that wrote it (ADK <c>author</c>), when the server said.</param>
/// <param name="IsPartial">
/// <see langword="true"/> for a streamed chunk (ADK <c>"partial": true</c>): chunks are deltas, and the
/// complete message usually follows as a non-partial event that repeats their text.
/// </param>
public sealed record ChatTextEvent(string Text, string? Author, bool IsPartial) : ChatEvent;
