using System.Text.Json.Nodes;

namespace Nemo.Simulator;

/// <summary>
/// <c>POST /run_sse</c>: the prompt is planned and charged when it arrives; the stream sends the tool call, keep-alives
/// while the agent "works", then the tool result and text, and closes. The draft lands at the planned time even when
/// the client has gone, so a dropped stream is recovered by reading state, never by re-sending.
/// </summary>
internal static class ChatEndpoint
{
    public static async Task HandleAsync(HttpContext context)
    {
        var user = await RequestChecks.AuthorizeAsync(context);
        if (user is null)
        {
            return;
        }

        var runtime = SimulatorRuntime.From(context);
        var body = await RequestJson.ReadAsync(context);
        if (body is null)
        {
            await NemoResponses.StatusErrorAsync(context, StatusCodes.Status400BadRequest, "Expected a JSON body");
            return;
        }

        var session = runtime.State.FindSession(user, RequestJson.String(body["session_id"]));
        if (session is null)
        {
            await NemoResponses.ErrorAsync(context, NemoCodes.SessionNotFound);
            return;
        }

        var prompt = PromptOf(body);
        if (string.IsNullOrWhiteSpace(prompt))
        {
            await NemoResponses.StatusErrorAsync(context, StatusCodes.Status400BadRequest, "new_message.parts[].text is required");
            return;
        }

        var (plan, readyAt, accepted) = runtime.State.SubmitPrompt(session, prompt, runtime.Planner);
        if (!accepted)
        {
            await NemoResponses.ErrorAsync(context, NemoCodes.OutOfCredits, $"Insufficient credits: this prompt needs {plan.Cost}");
            return;
        }

        var stream = new PromptStream(context, runtime, session.SessionId);
        try
        {
            await stream.RunAsync(plan, readyAt);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            Log.PromptStreamClosedByClient(runtime.Logger, session.SessionId);
        }
    }

    private static string PromptOf(JsonObject body) =>
        body["new_message"]?["parts"] is JsonArray parts
            ? string.Join("\n", parts.Select(p => RequestJson.String(p?["text"])).Where(t => !string.IsNullOrEmpty(t)))
            : string.Empty;
}
