using System.Text.Json.Nodes;

namespace Nemo.Simulator;

/// <summary><c>POST /api/tasks/me/with-session/nemo_agent</c>: a new task and chat session.</summary>
internal static class SessionEndpoint
{
    public static async Task HandleAsync(HttpContext context)
    {
        var user = await RequestChecks.AuthorizeAsync(context);
        if (user is null)
        {
            return;
        }

        var body = RequestJson.IsJson(context.Request) ? await RequestJson.ReadAsync(context) : null;
        var taskName = RequestJson.String(body?["task_name"]) ?? "project";
        var session = SimulatorRuntime.From(context).State.CreateSession(user, taskName);
        await NemoResponses.OkAsync(context, new JsonObject
        {
            ["task_id"] = session.TaskId,
            ["session_id"] = session.SessionId,
            ["user_id"] = user.UserId,
        });
    }
}
