using System.Globalization;

namespace Nemo.Conversions;

/// <summary>
/// Folds the options people ask for into the prompt sent to Nemo, as plain instructions after their words, and tells
/// the agent that nobody will answer a question.
/// </summary>
public static class PromptComposer
{
    /// <summary>
    /// The last paragraph of every prompt that starts a video: an unattended pipeline cannot answer a clarifying
    /// question, and each question costs a follow-up and minutes, so the agent is asked to make the video at once.
    /// </summary>
    public const string Unattended =
        "Make the video now, without asking anything first: this request comes from an automated pipeline and nobody can answer questions. Where something is not specified, choose sensible defaults yourself.";

    /// <summary>
    /// The prompt to send: <paramref name="prompt"/> as given, then one sentence per option that is set, then
    /// <see cref="Unattended"/>. Deterministic, so a replayed orchestration sends exactly the same text.
    /// </summary>
    /// <param name="prompt">The user's prompt.</param>
    /// <param name="options">The options, or null for none.</param>
    public static string Compose(string prompt, ConversionOptions? options)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var text = prompt.Trim();
        if (options is null)
        {
            return text + "\n\n" + Unattended;
        }

        var instructions = new List<string>(3);
        if (options.AspectRatio is { } aspect)
        {
            instructions.Add(aspect switch
            {
                AspectRatio.Landscape => "Make it 16:9 (horizontal, 1920×1080).",
                AspectRatio.Portrait => "Make it 9:16 (vertical, 1080×1920).",
                AspectRatio.Square => "Make it 1:1 (square, 1080×1080).",
                _ => throw new ArgumentOutOfRangeException(nameof(options), aspect, "Unknown aspect ratio."),
            });
        }

        if (options.DurationSeconds is { } seconds)
        {
            instructions.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"Target duration: about {seconds} {(seconds == 1 ? "second" : "seconds")}."));
        }

        if (options.BackgroundMusic is { } music)
        {
            instructions.Add(music ? "Add background music." : "No background music.");
        }

        return (instructions.Count == 0 ? text : text + "\n\n" + string.Join("\n", instructions)) + "\n\n" + Unattended;
    }
}
