namespace Nemo.Conversions;

/// <summary>What one run of <see cref="ConversionOrchestrator.ConvertAsync"/> makes.</summary>
/// <param name="Request">The images, profile and the prompt the result records; validated before a fresh session.</param>
/// <param name="Prompt">The prompt sent in a fresh session.</param>
/// <param name="Language">The session language.</param>
/// <param name="Version">The output's version: 1, or the next one for a refinement.</param>
/// <param name="EarlierSessionId">A refinement's earlier session, continued when it still exists; null for a fresh conversion.</param>
/// <param name="EarlierSessionPrompt">The prompt sent in that earlier session.</param>
internal sealed record ConversionPlan(
    ConversionRequest Request,
    string Prompt,
    string Language,
    int Version = 1,
    string? EarlierSessionId = null,
    string? EarlierSessionPrompt = null);
