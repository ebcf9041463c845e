namespace Nemo.Conversions;

/// <summary>Refines a finished conversion: a new prompt for <c>&lt;Name&gt;</c>, rendered as the next version.</summary>
/// <param name="Name">The conversion's output name (as in its result file).</param>
/// <param name="Prompt">What to change, in the user's words.</param>
public sealed record IterationRequest(string Name, string Prompt);
