namespace Nemo.Simulator;

/// <summary><c>GET /api/state/nemo_agent/me/&lt;session_id&gt;/latest</c>.</summary>
internal static class StateEndpoint
{
    public static async Task HandleAsync(HttpContext context)
    {
        var user = await RequestChecks.AuthorizeAsync(context);
        if (user is null)
        {
            return;
        }

        var runtime = SimulatorRuntime.From(context);
        var session = runtime.State.FindSession(user, context.Request.RouteValues["sessionId"] as string);
        if (session is null)
        {
            await NemoResponses.ErrorAsync(context, NemoCodes.SessionNotFound);
            return;
        }

        await NemoResponses.OkAsync(context, runtime.State.StateOf(session));
    }
}
