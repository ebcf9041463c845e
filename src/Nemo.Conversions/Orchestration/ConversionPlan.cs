namespace Nemo.Conversions;

/// <summary>What one run of <see cref="ConversionOrchestrator.ConvertAsync"/> makes.</summary>
/// <param name="Request">The images, profile and the prompt the result records; validated before a fresh session.</param>
/// <param name="Prompt">The prompt sent in a fresh session.</param>
/// <param name="Language">The session language.</param>
/// <param name="Version">The output's version: 1, or the next one for a refinement.</param>
/// <param name="EarlierSessionId">An earlier session to continue while it exists (a refinement's, or a retried attempt's); null for a fresh conversion.</param>
/// <param name="EarlierSessionPrompt">The prompt sent in that earlier session; null when its prompt already went in (a retry), so its draft is read instead.</param>
internal sealed record ConversionPlan(
    ConversionRequest Request,
    string Prompt,
    string Language,
    int Version = 1,
    string? EarlierSessionId = null,
    string? EarlierSessionPrompt = null);
