using System.Text.Json.Nodes;

namespace Nemo.Simulator;

/// <summary>The render endpoints (<c>success/data/error</c> envelope): start, status, cancel, and the authenticated download fallback.</summary>
internal static class RenderEndpoints
{
    public static async Task StartAsync(HttpContext context)
    {
        var runtime = SimulatorRuntime.From(context);
        var user = await RequestChecks.AuthorizeAsync(context, runtime.Options.RequireAttributionHeaders);
        if (user is null)
        {
            return;
        }

        var body = await RequestJson.ReadAsync(context);
        var id = RequestJson.String(body?["id"]);
        if (body is null || !SafeName.IsValid(id))
        {
            await NemoResponses.ErrorAsync(context, StatusCodes.Status400BadRequest, "A render id (letters, digits, _ - .) is required", httpStatus: StatusCodes.Status400BadRequest);
            return;
        }

        var session = runtime.State.FindSession(user, RequestJson.String(body["sessionId"]) ?? RequestJson.String(body["session_id"]));
        if (session is null)
        {
            await NemoResponses.ErrorAsync(context, NemoCodes.SessionNotFound);
            return;
        }

        if (body["draft"] is not JsonObject draft || !DraftBuilder.IsExportable(draft))
        {
            await NemoResponses.ErrorAsync(context, StatusCodes.Status422UnprocessableEntity, "The draft has no segments: nothing to export", httpStatus: StatusCodes.Status422UnprocessableEntity);
            return;
        }

        var render = runtime.State.TryStartRender(user, id!, session.SessionId, (JsonObject)draft.DeepClone(), runtime.Storage.RenderPath(id!));
        if (render is null)
        {
            await NemoResponses.ErrorAsync(context, StatusCodes.Status409Conflict, "A render with this id already exists: retry with a new id", httpStatus: StatusCodes.Status409Conflict);
            return;
        }

        if (FaultFeature.Of(context, FaultKind.RenderFailed) is { } fault)
        {
            render.FailMessage = fault.Message;
            render.FailAfter = render.Duration * 0.5;
        }

        var job = RenderJobFactory.Create(render.Draft, runtime.State.UploadsOf(session), render.OutputPath, runtime.Options.MaxVideoLength);
        if (job.Capped)
        {
            Log.RenderCapped(runtime.Logger, render.Id, job.TimelineLength.TotalSeconds, job.Length.TotalSeconds);
        }

        render.Output = BuildAsync(runtime, render, job);
        await NemoResponses.RenderOkAsync(context, new JsonObject
        {
            ["data"] = new JsonObject { ["id"] = render.Id, ["status"] = "pending", ["progress"] = 5 },
        });
    }

    public static async Task StatusAsync(HttpContext context)
    {
        var (runtime, render) = await FindAsync(context);
        if (render is null)
        {
            return;
        }

        if (FaultFeature.Of(context, FaultKind.RenderFailed) is { } fault)
        {
            runtime.State.FailNow(render, fault.Message);
        }

        var status = runtime.State.ReportStatus(render);
        var completed = status.Phase == RenderPhase.Completed;
        var url = completed ? $"{RequestChecks.BaseUrl(context.Request)}/cdn/renders/{render.Id}.mp4" : null;
        long? size = completed ? await render.Output! : null;
        await NemoResponses.RenderOkAsync(context, RenderStatusWriter.Build(runtime.Options.RenderStatusShape, render.Id, status, url, size));
    }

    public static async Task CancelAsync(HttpContext context)
    {
        var (runtime, render) = await FindAsync(context);
        if (render is null)
        {
            return;
        }

        if (runtime.State.Cancel(render) is not { } status)
        {
            await NemoResponses.ErrorAsync(context, StatusCodes.Status409Conflict, "The render has already finished", httpStatus: StatusCodes.Status409Conflict);
            return;
        }

        render.StopBuild();

        await NemoResponses.RenderOkAsync(context, new JsonObject
        {
            ["data"] = new JsonObject { ["id"] = render.Id, ["status"] = "cancelled", ["progress"] = status.Progress },
        });
    }

    public static async Task DownloadAsync(HttpContext context)
    {
        var (runtime, render) = await FindAsync(context);
        if (render is null)
        {
            return;
        }

        if (runtime.State.StatusOf(render).Phase != RenderPhase.Completed)
        {
            await NemoResponses.ErrorAsync(context, StatusCodes.Status409Conflict, "The render is not completed", httpStatus: StatusCodes.Status409Conflict);
            return;
        }

        await FileSender.SendAsync(context, render.OutputPath, "video/mp4");
    }

    private static async Task<(SimulatorRuntime Runtime, RenderRecord? Render)> FindAsync(HttpContext context)
    {
        var runtime = SimulatorRuntime.From(context);
        var user = await RequestChecks.AuthorizeAsync(context);
        if (user is null)
        {
            return (runtime, null);
        }

        var id = context.Request.RouteValues["renderId"] as string;
        var render = id is null ? null : runtime.State.FindRender(user, id);
        if (render is null)
        {
            await NemoResponses.ErrorAsync(context, StatusCodes.Status404NotFound, "Render not found", httpStatus: StatusCodes.Status404NotFound);
        }

        return (runtime, render);
    }

    private static async Task<long> BuildAsync(SimulatorRuntime runtime, RenderRecord render, RenderJob job)
    {
        // Off the request: the render outlives the start call.
        await Task.Yield();
        try
        {
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(runtime.Stopping, render.BuildStopping);
            var size = await runtime.Outputs.BuildAsync(job, stopping.Token);
            runtime.State.OutputReady(render);
            return size;
        }
        catch (Exception exception) when (exception is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            Log.RenderBuildFailed(runtime.Logger, render.Id, exception);
            throw;
        }
    }
}
