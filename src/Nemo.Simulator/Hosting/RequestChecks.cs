namespace Nemo.Simulator;

/// <summary>The checks most endpoints share: bearer token (1001) and attribution headers (402).</summary>
internal static class RequestChecks
{
    public const string SkillSource = "X-Skill-Source";
    public const string SkillVersion = "X-Skill-Version";
    public const string SkillPlatform = "X-Skill-Platform";

    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    public static bool HasAttribution(HttpRequest request) =>
        !string.IsNullOrWhiteSpace(request.Headers[SkillSource]) && !string.IsNullOrWhiteSpace(request.Headers[SkillVersion])
        && !string.IsNullOrWhiteSpace(request.Headers[SkillPlatform]);

    /// <summary>The caller's account, or null after writing the error (402 or 1001).</summary>
    public static async Task<UserAccount?> AuthorizeAsync(HttpContext context, bool attributionRequired = false)
    {
        var runtime = SimulatorRuntime.From(context);
        if ((attributionRequired || runtime.Options.RequireAttributionHeadersEverywhere) && !HasAttribution(context.Request))
        {
            await NemoResponses.StatusErrorAsync(context, StatusCodes.Status402PaymentRequired, "Payment required: missing X-Skill-Source, X-Skill-Version or X-Skill-Platform header");
            return null;
        }

        var user = runtime.State.Authenticate(BearerToken(context.Request));
        if (user is null)
        {
            await NemoResponses.ErrorAsync(context, NemoCodes.TokenInvalid);
        }

        return user;
    }

    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}";
}
