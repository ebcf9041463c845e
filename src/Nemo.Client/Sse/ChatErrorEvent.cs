namespace Nemo.Client;

/// <summary>
/// The server reported a failure inside the stream (ADK <c>errorCode</c>/<c>errorMessage</c>, or
/// <c>{"error":"…"}</c>). The stream may still go on; the prompt may already have been charged.
/// </summary>
/// <param name="Message">The server's message (the code when no message was sent).</param>
/// <param name="Code">The server's error code, when it sent one.</param>
public sealed record ChatErrorEvent(string Message, string? Code) : ChatEvent;
