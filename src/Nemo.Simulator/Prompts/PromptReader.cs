using System.Globalization;
using System.Text.RegularExpressions;

namespace Nemo.Simulator;

/// <summary>Reads what a prompt asks for from its words ("zoom-in", "leftward pan", "music", "title", "9:16", "2-minute").</summary>
internal static partial class PromptReader
{
    public static int CountWords(string prompt) =>
        prompt.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length;

    public static bool IsQuestion(string prompt) => prompt.TrimEnd().EndsWith('?');

    public static DraftSpec Apply(DraftSpec spec, string prompt)
    {
        var text = prompt.ToLowerInvariant();
        return spec with
        {
            AspectRatio = AspectOf(text) ?? spec.AspectRatio,
            Zoom = ZoomOf(text) ?? spec.Zoom,
            Pan = PanOf(text) ?? spec.Pan,
            Music = MusicOf(text) ?? spec.Music,
            Title = TitleOf(prompt, text) ?? spec.Title,
            TotalMilliseconds = DurationOf(text) ?? spec.TotalMilliseconds,
        };
    }

    private static string? AspectOf(string text) =>
        text.Contains("9:16", StringComparison.Ordinal) || text.Contains("vertical", StringComparison.Ordinal) || text.Contains("portrait", StringComparison.Ordinal) ? "9:16"
        : text.Contains("1:1", StringComparison.Ordinal) || text.Contains("square", StringComparison.Ordinal) ? "1:1"
        : text.Contains("16:9", StringComparison.Ordinal) || text.Contains("landscape", StringComparison.Ordinal) || text.Contains("horizontal", StringComparison.Ordinal) ? "16:9"
        : null;

    private static string? ZoomOf(string text) =>
        ZoomOut().IsMatch(text) ? "out" : text.Contains("zoom", StringComparison.Ordinal) ? "in" : null;

    private static string? PanOf(string text)
    {
        var match = Pan().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var word = match.Groups["a"].Success ? match.Groups["a"].Value : match.Groups["b"].Value;
        return word.StartsWith("left", StringComparison.Ordinal) ? "left"
            : word.StartsWith("right", StringComparison.Ordinal) ? "right"
            : word.StartsWith("up", StringComparison.Ordinal) ? "up"
            : "down";
    }

    private static string? MusicOf(string text)
    {
        if (!Music().IsMatch(text))
        {
            return null;
        }

        string[] styles = ["lo-fi", "jazz", "piano", "upbeat", "ambient", "cinematic", "acoustic"];
        var style = styles.FirstOrDefault(s => text.Contains(s, StringComparison.Ordinal));
        return style is null ? "Background music" : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(style);
    }

    private static string? TitleOf(string prompt, string text)
    {
        if (!text.Contains("title", StringComparison.Ordinal))
        {
            return null;
        }

        var quoted = Quoted().Match(prompt);
        return quoted.Success ? quoted.Groups["t"].Value : "My Video";
    }

    private static int? DurationOf(string text)
    {
        var match = Duration().Match(text);
        if (!match.Success || !int.TryParse(match.Groups["n"].Value, CultureInfo.InvariantCulture, out var n) || n <= 0)
        {
            return null;
        }

        var seconds = match.Groups["u"].Value.StartsWith('m') ? n * 60 : n;
        return Math.Clamp(seconds, 1, 600) * 1000;
    }

    [GeneratedRegex(@"zoom[\s-]*out")]
    private static partial Regex ZoomOut();

    [GeneratedRegex(@"(?<a>leftward|rightward|upward|downward)\s*pan|pan(?:ning)?\s*(?:to\s*the\s*)?(?<b>left|right|up|down)")]
    private static partial Regex Pan();

    [GeneratedRegex(@"\b(music|bgm|soundtrack|song|audio track)\b")]
    private static partial Regex Music();

    [GeneratedRegex("[\"“'‘](?<t>[^\"”'’]{1,80})[\"”'’]")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"(?<n>\d{1,3})\s*-?\s*(?<u>seconds?|secs?|s|minutes?|mins?)\b")]
    private static partial Regex Duration();
}
