namespace Nemo.Simulator;

/// <summary>
/// Settings of a simulator instance. Bound from the configuration section <c>Simulator</c> when run standalone.
/// Durations are simulated time unless stated otherwise; <see cref="TimeScale"/> maps them to real time.
/// </summary>
public sealed class SimulatorOptions
{
    /// <summary>The configuration section the standalone host binds.</summary>
    public const string SectionName = "Simulator";

    /// <summary>Seed of every random choice (ids, delays, no-text prompts, probabilistic faults). Default 1.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Real seconds per simulated second: 0.01 makes a 60 s render take 0.6 s. Default 1. Range (0, 1000].</summary>
    public double TimeScale { get; set; } = 1.0;

    /// <summary>The event shape of <c>/run_sse</c>. Default <see cref="SseShape.Adk"/>.</summary>
    public SseShape SseShape { get; set; } = SseShape.Adk;

    /// <summary>Where render status responses put status and output URL. Default <see cref="RenderStatusShape.DataOutputUrl"/>.</summary>
    public RenderStatusShape RenderStatusShape { get; set; } = RenderStatusShape.DataOutputUrl;

    /// <summary>How errors the simulator raises on its own (not by a fault) are delivered. Default <see cref="ErrorStyle.Http200Envelope"/>.</summary>
    public ErrorStyle ErrorStyle { get; set; } = ErrorStyle.Http200Envelope;

    /// <summary>Probability that a draft-producing prompt ends with no text at all. Default 0.3.</summary>
    public double NoTextProbability { get; set; } = 0.3;

    /// <summary>Optional agent oddities. Default none.</summary>
    public PromptQuirks PromptQuirks { get; set; } = PromptQuirks.None;

    /// <summary>Prompts with fewer words get a clarifying question instead of a draft; 0 disables. Default 3.</summary>
    public int ClarifyBelowWords { get; set; } = 3;

    /// <summary>
    /// What the agent says when it asks instead of drafting. Default a question in English that, like real replies, does
    /// not end with its question mark (it goes on with examples).
    /// </summary>
    public string ClarifyingText { get; set; } = PromptPlanner.ClarifyingText;

    /// <summary>Credits of a new anonymous user. Default 100.</summary>
    public int StartingCredits { get; set; } = 100;

    /// <summary>Credits charged per generated clip. Default 100.</summary>
    public int GenerationCost { get; set; } = 100;

    /// <summary>Credits charged per edit prompt. Default 50.</summary>
    public int EditCost { get; set; } = 50;

    /// <summary>Lifetime of an anonymous token. Default 7 days.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Tokens one client id may obtain per <see cref="TokenRateLimitWindow"/>; 0 disables the limit. Default 5.</summary>
    public int TokensPerClientLimit { get; set; } = 5;

    /// <summary>The window of <see cref="TokensPerClientLimit"/>. Default 7 days.</summary>
    public TimeSpan TokenRateLimitWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Shortest reply to a text-only prompt. Default 5 s.</summary>
    public TimeSpan TextDelayMin { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest reply to a text-only prompt. Default 15 s.</summary>
    public TimeSpan TextDelayMax { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Shortest video generation. Default 100 s.</summary>
    public TimeSpan GenerationDelayMin { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Longest video generation. Default 300 s.</summary>
    public TimeSpan GenerationDelayMax { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>Shortest edit. Default 10 s.</summary>
    public TimeSpan EditDelayMin { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest edit. Default 30 s.</summary>
    public TimeSpan EditDelayMax { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Interval of SSE keep-alives while the agent works. Default 15 s.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Shortest render. Default 30 s.</summary>
    public TimeSpan RenderDurationMin { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest render. Default 90 s.</summary>
    public TimeSpan RenderDurationMax { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Whether render start answers 402 when an <c>X-Skill-*</c> header is missing. Default true.</summary>
    public bool RequireAttributionHeaders { get; set; } = true;

    /// <summary>Whether every other authenticated endpoint answers 402 when an <c>X-Skill-*</c> header is missing. Default false.</summary>
    public bool RequireAttributionHeadersEverywhere { get; set; }

    /// <summary>Upload limit for sources not listed in <see cref="UploadLimitBytesBySource"/>. Default 200 MB.</summary>
    public long DefaultUploadLimitBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Upload limits by <c>X-Skill-Source</c>. Default: <c>image-to-video-motion-control</c> 50 MB.</summary>
    public Dictionary<string, long> UploadLimitBytesBySource { get; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["image-to-video-motion-control"] = 50L * 1024 * 1024,
    };

    /// <summary>Whether URL uploads may fetch from non-loopback hosts. Default false (loopback only).</summary>
    public bool AllowRemoteUploadUrls { get; set; }

    /// <summary>Whether outputs are built with ffmpeg when it is available. Default true.</summary>
    public bool UseFfmpeg { get; set; } = true;

    /// <summary>Path of the ffmpeg executable; null searches <c>PATH</c>.</summary>
    public string? FfmpegPath { get; set; }

    /// <summary>Real-time limit of one ffmpeg run; raise it with <see cref="MaxVideoLength"/>. Default 60 s.</summary>
    public TimeSpan FfmpegTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The longest MP4 the simulator renders. An output follows its draft's timeline (<c>d</c>); a longer timeline is
    /// rendered in this length, every segment shortened in proportion, and the simulator logs a warning saying so
    /// (event 5505). Encoding is real work that the time scale does not shorten, so the cap keeps demos quick.
    /// Default 10 s. Range [1 s, 10 min].
    /// </summary>
    public TimeSpan MaxVideoLength { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Folder for uploads and outputs; a per-instance subfolder is created in it and deleted on shutdown. Null uses the temp folder.</summary>
    public string? StorageDirectory { get; set; }

    /// <summary>Faults active from the start (the standalone host reads them from configuration).</summary>
    public List<FaultOptions> Faults { get; } = [];
}
