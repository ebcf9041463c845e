using System.Text.Json.Nodes;

namespace Nemo.Simulator;

/// <summary>The outcome of a prompt, decided when it arrives: what streams, when it finishes, what it costs, the new draft.</summary>
internal sealed record PromptPlan(
    PromptKind Kind,
    TimeSpan Duration,
    int Cost,
    IReadOnlyList<AgentEvent> Leading,
    IReadOnlyList<AgentEvent> Trailing,
    JsonObject? Draft,
    DraftSpec? Spec,
    bool NoText);
