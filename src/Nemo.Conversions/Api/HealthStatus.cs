namespace Nemo.Conversions;

/// <summary>The body of <c>GET /api/health</c>.</summary>
/// <param name="Status">Always <c>healthy</c> when the host answers.</param>
public sealed record HealthStatus(string Status);
