namespace Nemo.Conversions;

/// <summary>Input of <see cref="ConversionActivityNames.SendPrompt"/>.</summary>
/// <param name="InstanceId">The orchestration instance: with <paramref name="Sequence"/> it keys the spend ledger, so a re-executed activity never sends twice.</param>
/// <param name="Profile">The profile name.</param>
/// <param name="SessionId">The session.</param>
/// <param name="Prompt">The full text to send.</param>
/// <param name="Sequence">1 for the first prompt of the instance, 2 for a follow-up, and so on.</param>
public sealed record SendPromptInput(string InstanceId, string Profile, string SessionId, string Prompt, int Sequence);
