namespace Nemo.Client;

/// <summary>
/// One event read from the chat stream (<c>POST /run_sse</c>). The set of kinds is closed:
/// <see cref="ChatTextEvent"/>, <see cref="ChatToolCallEvent"/>, <see cref="ChatToolResultEvent"/>,
/// <see cref="ChatKeepAliveEvent"/> and <see cref="ChatErrorEvent"/>.
/// </summary>
public abstract record ChatEvent
{
    // Only this assembly defines event kinds, so callers can switch over them exhaustively.
    private protected ChatEvent()
    {
    }
}
