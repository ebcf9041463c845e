namespace Nemo.Simulator;

/// <summary>Which of the two documented event shapes <c>/run_sse</c> produces.</summary>
public enum SseShape
{
    /// <summary>Google ADK events: <c>{"content":{"role":"model","parts":[…]},"author":…,"id":…,"timestamp":…}</c>; keep-alives are empty <c>data:</c> lines.</summary>
    Adk = 0,

    /// <summary>Simplified events: <c>{"type":"text"|"tool_call"|"tool_result"|"heartbeat",…}</c>; keep-alives are heartbeats.</summary>
    Simplified,
}
