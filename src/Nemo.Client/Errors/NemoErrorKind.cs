namespace Nemo.Client;

/// <summary>How a failed Nemo call should be handled by its caller.</summary>
public enum NemoErrorKind
{
    /// <summary>Network failures, timeouts, 5xx and 429: retry with backoff.</summary>
    Transient,

    /// <summary>The call can succeed after a repair: a new token (1001) or a new session (1002).</summary>
    Recoverable,

    /// <summary>Retrying cannot help (out of credits, unsupported or too large file, plan cannot export, bad request).</summary>
    Terminal,
}
