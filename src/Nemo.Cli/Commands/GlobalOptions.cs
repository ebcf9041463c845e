using System.CommandLine;
using Nemo.Cli.Hosting;

namespace Nemo.Cli.Commands;

/// <summary>The options every subcommand accepts (recursive on the root command).</summary>
internal sealed class GlobalOptions
{
    public Option<string> StateDirectory { get; } = new("--state-dir")
    {
        Description = "Where instance journals, the spend ledger, staged uploads and the anonymous token are kept",
        DefaultValueFactory = _ => ".nemo",
        Recursive = true,
    };

    public Option<Uri?> NemoUrl { get; } = new("--nemo-url")
    {
        Description = "The Nemo API address (default: env NEMO_API_URL, else the production API)",
        Recursive = true,
        CustomParser = result => Uri.TryCreate(result.Tokens[0].Value, UriKind.Absolute, out var uri) ? uri : Fail(result, "--nemo-url must be an absolute URL"),
    };

    public Option<bool> Simulator { get; } = new("--simulator")
    {
        Description = "Start the stand-in Nemo in-process on loopback (offline, no real credits)",
        Recursive = true,
    };

    public Option<double?> TimeScale { get; } = new("--simulator-time-scale")
    {
        Description = "Real time per simulated time of the simulator (default 0.02 with --simulator); nemo's waits shrink alike, its times stay real",
        Recursive = true,
    };

    public Option<string?> EventsFile { get; } = new("--events-file")
    {
        Description = "Append CloudEvents to this JSON Lines file (default <state-dir>/events.jsonl)",
        Recursive = true,
    };

    public Option<Uri?> Webhook { get; } = new("--webhook")
    {
        Description = "POST every CloudEvent to this URL",
        Recursive = true,
        CustomParser = result => Uri.TryCreate(result.Tokens[0].Value, UriKind.Absolute, out var uri) ? uri : Fail(result, "--webhook must be an absolute URL"),
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Log to standard error",
        Recursive = true,
    };

    public IEnumerable<Option> All => [StateDirectory, NemoUrl, Simulator, TimeScale, EventsFile, Webhook, Verbose];

    /// <summary>The settings from the parsed command line and the environment.</summary>
    public HostSettings Read(ParseResult parse)
    {
        var url = parse.GetValue(NemoUrl);
        if (url is null && Environment.GetEnvironmentVariable("NEMO_API_URL") is { Length: > 0 } fromEnvironment)
        {
            url = Uri.TryCreate(fromEnvironment, UriKind.Absolute, out var parsed)
                ? parsed
                : throw new UsageException("NEMO_API_URL must be an absolute URL");
        }

        var scale = parse.GetValue(TimeScale);
        if (scale is <= 0 or > 1000)
        {
            throw new UsageException("--simulator-time-scale must be greater than 0");
        }

        return new HostSettings
        {
            StateDirectory = parse.GetValue(StateDirectory) ?? ".nemo",
            NemoUrl = url,
            NemoToken = Environment.GetEnvironmentVariable("NEMO_TOKEN") is { Length: > 0 } token ? token : null,
            UseSimulator = parse.GetValue(Simulator),
            TimeScale = scale,
            EventsFile = parse.GetValue(EventsFile),
            WebhookUrl = parse.GetValue(Webhook),
            Verbose = parse.GetValue(Verbose),
        };
    }

    private static Uri? Fail(System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError(message);
        return null;
    }
}
