namespace Nemo.Conversions;

/// <summary>The agent's reply to a prompt.</summary>
/// <param name="Text">The agent's words, GUI instructions and a trailing "temporary issue" removed.</param>
/// <param name="HadText">Whether any text arrived (about 30% of replies have none).</param>
/// <param name="Interrupted">The stream dropped or timed out after the prompt was accepted: recover by reading state, never by re-sending.</param>
/// <param name="AlreadySent">The spend ledger shows this prompt was sent by an earlier attempt: treat like <paramref name="Interrupted"/>.</param>
/// <param name="AskedQuestion">
/// The agent's turn ended with words and no work (no tool call): it asked something or answered instead of drafting,
/// whatever its punctuation or language.
/// </param>
/// <param name="Warnings">Things worth recording in the result.</param>
public sealed record PromptReply(
    string Text,
    bool HadText,
    bool Interrupted,
    bool AlreadySent,
    bool AskedQuestion,
    IReadOnlyList<string> Warnings);
