namespace Nemo.Simulator;

/// <summary>One request the simulator received. The token is never stored, only a short hash of it.</summary>
public sealed class JournalEntry
{
    internal JournalEntry(long sequence, DateTimeOffset time, string method, string path, SimulatorEndpoint endpoint)
    {
        Sequence = sequence;
        Time = time;
        Method = method;
        Path = path;
        Endpoint = endpoint;
    }

    /// <summary>Order of arrival, from 1.</summary>
    public long Sequence { get; }

    /// <summary>Arrival time on the simulator's (scaled) clock.</summary>
    public DateTimeOffset Time { get; }

    /// <summary>HTTP method.</summary>
    public string Method { get; }

    /// <summary>Request path.</summary>
    public string Path { get; }

    /// <summary>The endpoint.</summary>
    public SimulatorEndpoint Endpoint { get; }

    /// <summary>Session id named by the request (path or body), if any.</summary>
    public string? SessionId { get; internal set; }

    /// <summary>Render id named by the request, if any.</summary>
    public string? RenderId { get; internal set; }

    /// <summary>HTTP status sent, or null when the connection was aborted before a response.</summary>
    public int? StatusCode { get; internal set; }

    /// <summary>Whether the connection was aborted (fault or client).</summary>
    public bool Aborted { get; internal set; }

    /// <summary>The fault applied, if any.</summary>
    public FaultKind? Fault { get; internal set; }

    /// <summary><c>X-Skill-Source</c>, if sent.</summary>
    public string? SkillSource { get; internal init; }

    /// <summary><c>X-Skill-Version</c>, if sent.</summary>
    public string? SkillVersion { get; internal init; }

    /// <summary><c>X-Skill-Platform</c>, if sent.</summary>
    public string? SkillPlatform { get; internal init; }

    /// <summary><c>X-Client-Id</c>, if sent.</summary>
    public string? ClientId { get; internal init; }

    /// <summary>Whether an <c>Authorization</c> header was present.</summary>
    public bool HasAuthorization { get; internal init; }

    /// <summary>First 8 hex digits of the SHA-256 of the bearer token, to tell tokens apart without storing them.</summary>
    public string? TokenHash { get; internal init; }

    /// <summary>Whether all three <c>X-Skill-*</c> headers were present and non-empty.</summary>
    public bool HasAttributionHeaders =>
        !string.IsNullOrEmpty(SkillSource) && !string.IsNullOrEmpty(SkillVersion) && !string.IsNullOrEmpty(SkillPlatform);
}
