using System.CommandLine;
using Nemo.Client;
using Nemo.Conversions;

namespace Nemo.Cli.Commands;

/// <summary>The conversion options shared by <c>convert</c> and <c>watch</c>: aspect ratio, duration, music.</summary>
internal sealed class ConversionCommandOptions
{
    public Option<string?> Aspect { get; } = new("--aspect") { Description = "Aspect ratio: 16:9, 9:16 or 1:1" };

    public Option<int?> Duration { get; } = new("--duration") { Description = "Target duration in seconds" };

    public Option<bool> Music { get; } = new("--music") { Description = "Add background music" };

    public Option<bool> NoMusic { get; } = new("--no-music") { Description = "No background music" };

    public static Option<string> Profile() => new("--profile")
    {
        Description = $"The Nemo profile: {string.Join(", ", NemoProfiles.All.Select(p => p.Name))} (or its skill name, image-to-video-<profile>)",
        DefaultValueFactory = _ => NemoProfiles.Default.Name,
    };

    public static Option<string> Output() => new("--out", "-o")
    {
        Description = "The output folder",
        DefaultValueFactory = _ => "out",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Aspect);
        command.Options.Add(Duration);
        command.Options.Add(Music);
        command.Options.Add(NoMusic);
    }

    /// <summary>The options given, or null when none was.</summary>
    /// <exception cref="UsageException">An option has an invalid value.</exception>
    public ConversionOptions? Read(ParseResult parse)
    {
        AspectRatio? aspect = parse.GetValue(Aspect) switch
        {
            null => null,
            "16:9" => AspectRatio.Landscape,
            "9:16" => AspectRatio.Portrait,
            "1:1" => AspectRatio.Square,
            var other => throw new UsageException($"--aspect '{other}': use 16:9, 9:16 or 1:1"),
        };
        var duration = parse.GetValue(Duration);
        if (duration is <= 0 or > 600)
        {
            throw new UsageException($"--duration {duration}: use a number of seconds from 1 to 600");
        }

        var music = parse.GetValue(Music);
        var noMusic = parse.GetValue(NoMusic);
        if (music && noMusic)
        {
            throw new UsageException("--music and --no-music cannot be used together");
        }

        bool? backgroundMusic = music ? true : noMusic ? false : null;
        return aspect is null && duration is null && backgroundMusic is null ? null : new ConversionOptions(aspect, duration, backgroundMusic);
    }
}
