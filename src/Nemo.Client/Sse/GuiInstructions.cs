using System.Text;
using System.Text.RegularExpressions;

namespace Nemo.Client;

/// <summary>
/// Removes the sentences in which the agent tells a GUI user what to click, open or drag, and maps
/// them to <see cref="AgentSuggestion"/>s: there is no GUI in the pipeline.
/// </summary>
internal static partial class GuiInstructions
{
    public static (string Text, IReadOnlyList<AgentSuggestion> Suggestions) Translate(string text)
    {
        var suggestions = new List<AgentSuggestion>();
        var kept = new StringBuilder(text.Length);

        // Split keeps the separators (odd indices), so kept sentences keep their spacing and paragraphs.
        var pieces = SentenceSeparator().Split(text);
        for (var i = 0; i < pieces.Length; i += 2)
        {
            var sentence = pieces[i];
            var separator = i + 1 < pieces.Length ? pieces[i + 1] : string.Empty;
            if (!IsGuiInstruction(sentence, suggestions))
            {
                kept.Append(sentence).Append(separator);
            }
        }

        return (ExtraBlankLines().Replace(kept.ToString(), "\n\n").Trim(), suggestions);
    }

    private static bool IsGuiInstruction(string sentence, List<AgentSuggestion> suggestions)
    {
        // Within a sentence, list the steps in the order the agent mentions them.
        var found = new List<(int Index, AgentSuggestion Suggestion)>();
        Find(Export(), sentence, AgentSuggestion.Render, found);
        Find(OpenOrPreview(), sentence, AgentSuggestion.ReadState, found);
        Find(DragDrop(), sentence, AgentSuggestion.SendEdit, found);
        foreach (var (_, suggestion) in found.OrderBy(static f => f.Index))
        {
            if (!suggestions.Contains(suggestion))
            {
                suggestions.Add(suggestion);
            }
        }

        // Any other "click the … button" is GUI-speak too, with no pipeline step behind it.
        return found.Count > 0 || Click().IsMatch(sentence);
    }

    private static void Find(Regex regex, string sentence, AgentSuggestion suggestion, List<(int, AgentSuggestion)> found)
    {
        var match = regex.Match(sentence);
        if (match.Success)
        {
            found.Add((match.Index, suggestion));
        }
    }

    [GeneratedRegex(@"((?<=[.!?])[ \t]+|(?<=[。！？])|\r?\n)")]
    private static partial Regex SentenceSeparator();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex ExtraBlankLines();

    [GeneratedRegex(@"\bexport\b|\b(click|tap|press|hit)\b.*\bdownload\b|导出", RegexOptions.IgnoreCase)]
    private static partial Regex Export();

    [GeneratedRegex(
        @"\bopen\b.*\b(panel|tab|menu|timeline|editor|window|sidebar|library|settings|inspector)s?\b|\bpreview\b|\b(check|view)\b.*\btimeline\b|打开|预览",
        RegexOptions.IgnoreCase)]
    private static partial Regex OpenOrPreview();

    [GeneratedRegex(@"\bdrag(ging|ged)?\b|拖拽|拖动", RegexOptions.IgnoreCase)]
    private static partial Regex DragDrop();

    [GeneratedRegex(@"\b(click|tap)\b|点击", RegexOptions.IgnoreCase)]
    private static partial Regex Click();
}
