using System.Text.Json;

namespace Nemo.Client;

/// <summary>A tool returned (ADK <c>functionResponse</c>, simplified <c>tool_result</c>). Internal to the pipeline; never shown raw.</summary>
/// <param name="Name">The tool name.</param>
/// <param name="Id">The id of the call this answers, when the server sent one.</param>
/// <param name="Result">The result; an empty JSON object when the server sent none. Independent of any disposed document.</param>
public sealed record ChatToolResultEvent(string Name, string? Id, JsonElement Result) : ChatEvent;
