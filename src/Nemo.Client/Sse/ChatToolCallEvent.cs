using System.Text.Json;

namespace Nemo.Client;

/// <summary>The agent called one of its tools (ADK <c>functionCall</c>, simplified <c>tool_call</c>). Internal to the pipeline; never shown raw.</summary>
/// <param name="Name">The tool name.</param>
/// <param name="Id">The call id, when the server sent one.</param>
/// <param name="Arguments">The arguments; an empty JSON object when the server sent none. Independent of any disposed document.</param>
public sealed record ChatToolCallEvent(string Name, string? Id, JsonElement Arguments) : ChatEvent;
