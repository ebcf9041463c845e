namespace Nemo.Simulator;

/// <summary>A prompt whose effect (draft, charge) lands at <see cref="ReadyAt"/>, whether or not its stream is still read.</summary>
internal sealed class PendingPrompt(PromptPlan plan, DateTimeOffset readyAt)
{
    public PromptPlan Plan { get; } = plan;

    public DateTimeOffset ReadyAt { get; } = readyAt;
}
