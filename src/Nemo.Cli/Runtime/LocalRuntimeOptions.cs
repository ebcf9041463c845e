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
}
