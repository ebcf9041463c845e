namespace Nemo.Simulator;

/// <summary>Optional, documented oddities of the chat agent, switched on per simulator.</summary>
[Flags]
public enum PromptQuirks
{
    /// <summary>No quirks.</summary>
    None = 0,

    /// <summary>After normal output, a trailing text "I encountered a temporary issue…".</summary>
    TrailingTemporaryIssue = 1,

    /// <summary>Text addressed to a GUI user ("click Export to download", "preview it in the timeline").</summary>
    GuiSpeak = 2,

    /// <summary>Every prompt gets a clarifying question instead of a draft.</summary>
    ClarifyingQuestion = 4,

    /// <summary>The first prompt of each session gets a clarifying question; later prompts in it are answered normally.</summary>
    ClarifyingQuestionFirst = 8,
}
