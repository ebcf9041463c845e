namespace Nemo.Cli.Runtime;

/// <summary>Settings of the <see cref="LocalOrchestrationRuntime"/>.</summary>
public sealed class LocalRuntimeOptions
{
    /// <summary>
    /// The folder holding the journal: <c>instances/&lt;id&gt;/history.jsonl</c> and <c>instance.json</c> per instance.
    /// Required; created when missing.
    /// </summary>
    public string StateDirectory { get; set; } = "";

    /// <summary>How many activities may run at once across all instances. Default 8.</summary>
    public int MaxConcurrentActivities { get; set; } = 8;

    /// <summary>
    /// Real time per second of a wait: 0.02 makes a durable timer of 60 s fire after 1.2 s, and an activity's retry
    /// delays shrink alike. Only waits are shortened: the clock — history timestamps, the orchestration's
    /// <c>CurrentUtcDateTime</c>, instance times — stays the runtime's <see cref="TimeProvider"/>, so every time it
    /// records is a true one. For a Nemo whose clock runs faster (<c>nemo --simulator</c>). Default 1. Range (0, 1].
    /// </summary>
    public double TimerScale { get; set; } = 1;
}
