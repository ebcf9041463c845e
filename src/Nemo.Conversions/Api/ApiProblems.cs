namespace Nemo.Conversions;

/// <summary>The problem kinds the API answers with, as RFC 7807 responses.</summary>
internal static class ApiProblems
{
    public const string TypeBase = "https://nemo.functions/problems/";

    public static ApiResponse Validation(int status, string detail, IReadOnlyList<ValidationProblem> errors, string? instance = null) =>
        Response(new(TypeBase + "validation", "The request is not valid.", status, detail, instance, errors));

    public static ApiResponse TooLarge(string detail) =>
        Response(new(TypeBase + "too-large", "An image is larger than the profile takes.", 413, detail));

    public static ApiResponse BodyTooLarge(string detail) =>
        Response(new(TypeBase + "body-too-large", "The request body is too large.", 413, detail));

    public static ApiResponse ImportFailed(string detail) =>
        Response(new(TypeBase + "import-failed", "An image could not be fetched.", 422, detail));

    public static ApiResponse IdempotencyKeyReused(string key) =>
        Response(new(
            TypeBase + "idempotency-key-reused",
            "The Idempotency-Key was used for a different request.",
            422,
            $"Idempotency-Key '{TextClip.Clip(key, 80)}' was first used with a different request (other images, prompt, profile, options or name); send this request with a new key."));

    public static ApiResponse NotFound(string id) =>
        Response(new(TypeBase + "not-found", "No such conversion.", 404, $"There is no conversion with id '{id}'.", Path(id)));

    public static ApiResponse NotRunning(string id, string status) =>
        Response(new(TypeBase + "not-running", "The conversion is not running.", 409, $"Conversion '{id}' is {status}; only a running conversion can be cancelled.", Path(id)));

    public static ApiResponse Nemo(string detail) =>
        Response(new(TypeBase + "nemo", "Nemo did not answer as expected.", 502, detail, "/api/credits"));

    public static string Path(string id) => "/api/conversions/" + Uri.EscapeDataString(id);

    private static ApiResponse Response(ApiProblem problem) => new(problem.Status, problem);
}
