using System.Globalization;
using System.Text.Json.Nodes;

namespace Nemo.Simulator;

/// <summary><c>POST /api/auth/anonymous-token</c>: a token per <c>X-Client-Id</c>, rate-limited per client id.</summary>
internal static class TokenEndpoint
{
    public const int MaxClientIdLength = 64;

    public static async Task HandleAsync(HttpContext context)
    {
        var runtime = SimulatorRuntime.From(context);
        var clientId = context.Request.Headers["X-Client-Id"].ToString().Trim();
        if (clientId.Length == 0 || clientId.Length > MaxClientIdLength)
        {
            await NemoResponses.StatusErrorAsync(context, StatusCodes.Status400BadRequest, "Missing or invalid X-Client-Id header");
            return;
        }

        if (runtime.Options.RequireAttributionHeadersEverywhere && !RequestChecks.HasAttribution(context.Request))
        {
            await NemoResponses.StatusErrorAsync(context, StatusCodes.Status402PaymentRequired, "Payment required: missing X-Skill-* header");
            return;
        }

        var (token, retryAfter) = runtime.State.IssueToken(clientId);
        if (token is null)
        {
            // Retry-After in real seconds: what a client would really have to wait on this (scaled) clock.
            var real = runtime.Clock.ToReal(retryAfter);
            context.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(real.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await NemoResponses.StatusErrorAsync(context, StatusCodes.Status429TooManyRequests, "Too many anonymous tokens for this client id");
            return;
        }

        await NemoResponses.OkAsync(context, new JsonObject
        {
            ["token"] = token.Token,
            ["user_id"] = token.User.UserId,
            ["expires_at"] = token.ExpiresAt.ToString("O", CultureInfo.InvariantCulture),
            ["credits"] = runtime.State.GetCredits(token.User).Available,
        });
    }
}
