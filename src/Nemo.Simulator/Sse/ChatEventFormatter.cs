using System.Text.Json.Nodes;

namespace Nemo.Simulator;

/// <summary>Shapes agent events as Google ADK events or as the simplified <c>{"type":…}</c> events.</summary>
internal sealed class ChatEventFormatter(SseShape shape, TimeProvider clock, string sessionId)
{
    public const string Author = "nemo_agent";
    private int _sequence;

    /// <summary>The <c>data:</c> payload of a keep-alive: empty (ADK) or a heartbeat (simplified).</summary>
    public string KeepAlive => shape == SseShape.Adk ? string.Empty : """{"type":"heartbeat"}""";

    public string Format(AgentEvent agentEvent) => shape == SseShape.Adk ? Adk(agentEvent) : Simplified(agentEvent);

    private string Adk(AgentEvent agentEvent)
    {
        if (agentEvent is AgentError error)
        {
            return new JsonObject { ["error"] = error.Message }.ToJsonString(SimulatorJson.Options);
        }

        JsonObject part = agentEvent switch
        {
            AgentText text => new JsonObject { ["text"] = text.Text },
            AgentToolCall call => new JsonObject
            {
                ["functionCall"] = new JsonObject { ["id"] = call.CallId, ["name"] = call.Name, ["args"] = call.Arguments.DeepClone() },
            },
            AgentToolResult result => new JsonObject
            {
                ["functionResponse"] = new JsonObject { ["id"] = result.CallId, ["name"] = result.Name, ["response"] = result.Result.DeepClone() },
            },
            _ => throw new ArgumentOutOfRangeException(nameof(agentEvent)),
        };

        return new JsonObject
        {
            ["content"] = new JsonObject { ["role"] = "model", ["parts"] = new JsonArray { part } },
            ["author"] = Author,
            ["id"] = $"evt_{sessionId}_{++_sequence}",
            ["invocation_id"] = "inv_" + sessionId,
            ["timestamp"] = Math.Round(clock.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0, 3),
        }.ToJsonString(SimulatorJson.Options);
    }

    private static string Simplified(AgentEvent agentEvent)
    {
        JsonObject payload = agentEvent switch
        {
            AgentText text => new JsonObject { ["type"] = "text", ["content"] = text.Text },
            AgentToolCall call => new JsonObject { ["type"] = "tool_call", ["id"] = call.CallId, ["name"] = call.Name, ["args"] = call.Arguments.DeepClone() },
            AgentToolResult result => new JsonObject { ["type"] = "tool_result", ["id"] = result.CallId, ["name"] = result.Name, ["result"] = result.Result.DeepClone() },
            AgentError error => new JsonObject { ["type"] = "error", ["message"] = error.Message },
            _ => throw new ArgumentOutOfRangeException(nameof(agentEvent)),
        };
        return payload.ToJsonString(SimulatorJson.Options);
    }
}
