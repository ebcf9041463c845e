namespace Nemo.Simulator;

/// <summary>What an injected fault does to a matching request.</summary>
public enum FaultKind
{
    /// <summary>An HTTP 5xx answer (default 500).</summary>
    ServerError = 0,

    /// <summary>HTTP 429 with a <c>Retry-After</c> header in seconds.</summary>
    RateLimited,

    /// <summary>The connection is aborted before any response.</summary>
    ConnectionReset,

    /// <summary>The response is delayed by a simulated (scaled) time, then served normally.</summary>
    Slow,

    /// <summary><c>/run_sse</c>: the connection is aborted after some events.</summary>
    DropStream,

    /// <summary><c>/run_sse</c>: a server error event (<c>{"error":…}</c> in ADK shape) after some events, then the stream ends.</summary>
    StreamError,

    /// <summary>Error 1001; the token used is really expired, so a new token works.</summary>
    TokenExpired,

    /// <summary>Error 1002; the session named by the request is really lost, so a new session works.</summary>
    SessionLost,

    /// <summary>Error 2001, out of credits.</summary>
    OutOfCredits,

    /// <summary>Error 4001, unsupported file type.</summary>
    UnsupportedType,

    /// <summary>Error 4002, file too large.</summary>
    TooLarge,

    /// <summary>HTTP 402, the plan cannot export.</summary>
    PaymentRequired,

    /// <summary>Render start or status: the render ends <c>failed</c>.</summary>
    RenderFailed,

    /// <summary>Downloads: the full <c>Content-Length</c> is announced, then the connection is aborted part-way.</summary>
    TruncatedDownload,

    /// <summary>Any Nemo error code (<see cref="Fault.NemoError(int, string)"/>).</summary>
    NemoError,

    /// <summary>
    /// The request is served (a render starts, a prompt is charged), then the connection is aborted before the
    /// response: the client sees a reset for a call that took effect.
    /// </summary>
    ResponseLost,

    /// <summary>The request is served at once, but its response is held back for a simulated (scaled) time.</summary>
    LateResponse,
}
