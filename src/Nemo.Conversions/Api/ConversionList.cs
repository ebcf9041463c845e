namespace Nemo.Conversions;

/// <summary>The body of <c>GET /api/conversions</c>.</summary>
/// <param name="Items">Conversions, most recent first.</param>
public sealed record ConversionList(IReadOnlyList<ConversionResource> Items);
