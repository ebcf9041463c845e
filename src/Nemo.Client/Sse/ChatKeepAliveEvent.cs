namespace Nemo.Client;

/// <summary>
/// The server is still working: an empty <c>data:</c> line or a <c>{"type":"heartbeat"}</c> event.
/// Keep-alives alone do not reset the keep-alive timeout.
/// </summary>
public sealed record ChatKeepAliveEvent : ChatEvent
{
    internal static readonly ChatKeepAliveEvent Instance = new();
}
