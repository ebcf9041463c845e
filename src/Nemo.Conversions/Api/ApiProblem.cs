namespace Nemo.Conversions;

/// <summary>An RFC 7807 problem details body (<c>application/problem+json</c>).</summary>
/// <param name="Type">A URI naming the kind of problem, e.g. <c>https://nemo.functions/problems/validation</c>.</param>
/// <param name="Title">A short summary of the kind.</param>
/// <param name="Status">The HTTP status.</param>
/// <param name="Detail">What went wrong this time, in plain language.</param>
/// <param name="Instance">The request path it concerns, when known.</param>
/// <param name="Errors">For validation problems: every rule each input broke.</param>
public sealed record ApiProblem(
    string Type,
    string Title,
    int Status,
    string? Detail = null,
    string? Instance = null,
    IReadOnlyList<ValidationProblem>? Errors = null);
