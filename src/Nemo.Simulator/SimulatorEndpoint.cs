namespace Nemo.Simulator;

/// <summary>The endpoints of the Nemo API the simulator serves; used by the journal and by fault injection.</summary>
public enum SimulatorEndpoint
{
    /// <summary>Not an endpoint of the Nemo API (unknown path).</summary>
    Unknown = 0,

    /// <summary><c>POST /api/auth/anonymous-token</c>.</summary>
    AnonymousToken,

    /// <summary><c>POST /api/tasks/me/with-session/nemo_agent</c>.</summary>
    CreateSession,

    /// <summary><c>POST /api/upload-video/nemo_agent/me/&lt;session_id&gt;</c>.</summary>
    Upload,

    /// <summary><c>POST /run_sse</c>.</summary>
    RunSse,

    /// <summary><c>GET /api/credits/balance/simple</c>.</summary>
    Credits,

    /// <summary><c>GET /api/state/nemo_agent/me/&lt;session_id&gt;/latest</c>.</summary>
    State,

    /// <summary><c>POST /api/render/proxy/lambda</c>.</summary>
    RenderStart,

    /// <summary><c>GET /api/render/proxy/lambda/&lt;id&gt;</c>.</summary>
    RenderStatus,

    /// <summary><c>POST /api/render/proxy/lambda/&lt;id&gt;/cancel</c>.</summary>
    RenderCancel,

    /// <summary><c>GET /api/render/proxy/&lt;id&gt;/download</c>, the authenticated fallback download.</summary>
    RenderDownload,

    /// <summary>The unauthenticated, CDN-like output URL handed out in the render status (<c>/cdn/…</c>).</summary>
    OutputFile,
}
