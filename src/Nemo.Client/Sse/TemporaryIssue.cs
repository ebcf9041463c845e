using System.Buffers;

namespace Nemo.Client;

/// <summary>The agent's "I encountered a temporary issue" line, which can follow normal output.</summary>
internal static class TemporaryIssue
{
    private const string Phrase = "encountered a temporary issue";
    private static readonly SearchValues<char> SentenceEnds = SearchValues.Create(".!?。！？\n");

    public static bool IsMentionedIn(string message) =>
        message.Contains(Phrase, StringComparison.OrdinalIgnoreCase);

    /// <summary>The part of <paramref name="message"/> before the sentence that mentions the issue.</summary>
    public static string TextBefore(string message)
    {
        var index = message.IndexOf(Phrase, StringComparison.OrdinalIgnoreCase);
        var sentenceEnd = message.AsSpan(0, index).LastIndexOfAny(SentenceEnds);
        return sentenceEnd < 0 ? string.Empty : message[..(sentenceEnd + 1)].TrimEnd();
    }
}
