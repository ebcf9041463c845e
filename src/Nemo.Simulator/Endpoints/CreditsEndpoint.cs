using System.Text.Json.Nodes;

namespace Nemo.Simulator;

/// <summary><c>GET /api/credits/balance/simple</c>.</summary>
internal static class CreditsEndpoint
{
    public static async Task HandleAsync(HttpContext context)
    {
        var user = await RequestChecks.AuthorizeAsync(context);
        if (user is null)
        {
            return;
        }

        var balance = SimulatorRuntime.From(context).State.GetCredits(user);
        await NemoResponses.OkAsync(context, new JsonObject
        {
            ["available"] = balance.Available,
            ["frozen"] = balance.Frozen,
            ["total"] = balance.Total,
        });
    }
}
