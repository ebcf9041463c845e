namespace Nemo.Simulator;

/// <summary>The unauthenticated, CDN-like file URLs: finished renders and uploaded files.</summary>
internal static class CdnEndpoints
{
    public static async Task RenderOutputAsync(HttpContext context)
    {
        var runtime = SimulatorRuntime.From(context);
        var file = context.Request.RouteValues["file"] as string;
        var id = file is not null && file.EndsWith(".mp4", StringComparison.OrdinalIgnoreCase) ? file[..^4] : null;
        var render = id is null ? null : runtime.State.FindRender(null, id);
        if (render is null || runtime.State.StatusOf(render).Phase != RenderPhase.Completed)
        {
            await NotFoundAsync(context);
            return;
        }

        await FileSender.SendAsync(context, render.OutputPath, "video/mp4");
    }

    public static async Task UploadedFileAsync(HttpContext context)
    {
        var runtime = SimulatorRuntime.From(context);
        var path = runtime.Storage.ExistingUploadPath(
            context.Request.RouteValues["sessionId"] as string ?? string.Empty,
            context.Request.RouteValues["file"] as string ?? string.Empty);
        if (path is null)
        {
            await NotFoundAsync(context);
            return;
        }

        await FileSender.SendAsync(context, path, FileSender.ContentTypeOf(path));
    }

    private static async Task NotFoundAsync(HttpContext context)
    {
        // A CDN answers like a CDN: XML-ish text, not a Nemo envelope.
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.ContentType = "application/xml";
        await context.Response.WriteAsync("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>", context.RequestAborted);
    }
}
