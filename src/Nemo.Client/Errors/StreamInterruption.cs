namespace Nemo.Client;

/// <summary>Why a chat stream stopped early.</summary>
public enum StreamInterruption
{
    /// <summary>The connection broke mid-stream (reset, I/O error).</summary>
    Dropped,

    /// <summary>Only keep-alives arrived for longer than the keep-alive timeout (default 10 minutes).</summary>
    KeepAliveTimeout,

    /// <summary>The stream ran longer than the overall limit (default 15 minutes).</summary>
    OverallTimeout,
}
