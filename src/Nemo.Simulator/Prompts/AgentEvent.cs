using System.Text.Json.Nodes;

namespace Nemo.Simulator;

/// <summary>Something the agent says or does during a prompt, before it is shaped as an ADK or simplified event.</summary>
internal abstract record AgentEvent;

/// <summary>Agent text.</summary>
internal sealed record AgentText(string Text) : AgentEvent;

/// <summary>A tool call.</summary>
internal sealed record AgentToolCall(string CallId, string Name, JsonObject Arguments) : AgentEvent;

/// <summary>A tool result.</summary>
internal sealed record AgentToolResult(string CallId, string Name, JsonObject Result) : AgentEvent;

/// <summary>A server failure inside the stream.</summary>
internal sealed record AgentError(string Message) : AgentEvent;
