namespace Nemo.Cli.Hosting;

/// <summary>The common options every command shares, resolved from the command line and the environment.</summary>
internal sealed record HostSettings
{
    /// <summary>The state folder: instance journals, spend ledger, staged uploads, anonymous token, events.</summary>
    public required string StateDirectory { get; init; }

    /// <summary>The Nemo API address (<c>--nemo-url</c> or <c>NEMO_API_URL</c>); null uses the client's default.</summary>
    public Uri? NemoUrl { get; init; }

    /// <summary>A configured Nemo token (<c>NEMO_TOKEN</c>); null uses the persisted anonymous token.</summary>
    public string? NemoToken { get; init; }

    /// <summary>Whether to start the stand-in Nemo in-process (<c>--simulator</c>).</summary>
    public bool UseSimulator { get; init; }

    /// <summary>
    /// The simulator's time scale: with <see cref="UseSimulator"/> the in-process simulator runs at it (default 0.02); it
    /// also shortens the local runtime's waits (durable timers, retry delays) by the scale so they agree with the
    /// simulator's durations (useful with <c>--nemo-url</c> pointing at a simulator), while its clock stays real, so
    /// every recorded time is a true one. Null: real time.
    /// </summary>
    public double? TimeScale { get; init; }

    /// <summary>Where CloudEvents are appended (default <c>&lt;state&gt;/events.jsonl</c>).</summary>
    public string? EventsFile { get; init; }

    /// <summary>A webhook that receives every CloudEvent, or null.</summary>
    public Uri? WebhookUrl { get; init; }

    /// <summary>Whether to log to standard error (<c>--verbose</c>).</summary>
    public bool Verbose { get; init; }

    /// <summary>The default simulator time scale.</summary>
    public const double DefaultSimulatorTimeScale = 0.02;
}
