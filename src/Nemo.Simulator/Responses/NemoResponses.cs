using System.Text.Json.Nodes;

namespace Nemo.Simulator;

/// <summary>Writes the two envelopes of the protocol (<c>code/message/data</c> and <c>success/data/error</c>) and their error styles.</summary>
internal static class NemoResponses
{
    public static Task OkAsync(HttpContext context, JsonNode? data) =>
        WriteJsonAsync(context, StatusCodes.Status200OK, new JsonObject { ["code"] = 0, ["message"] = "success", ["data"] = data });

    public static Task RenderOkAsync(HttpContext context, JsonObject body)
    {
        body.Insert(0, "success", true);
        return WriteJsonAsync(context, StatusCodes.Status200OK, body);
    }

    /// <summary>An error on a <c>code</c>-envelope endpoint, or (render endpoints) a <c>success:false</c> envelope.</summary>
    public static Task ErrorAsync(HttpContext context, int code, string? message = null, ErrorStyle? style = null, int? httpStatus = null)
    {
        var runtime = SimulatorRuntime.From(context);
        var text = message ?? NemoCodes.DefaultMessage(code);
        var chosen = style ?? FaultFeature.StyleOf(context) ?? runtime.Options.ErrorStyle;
        var status = chosen == ErrorStyle.Http200Envelope ? StatusCodes.Status200OK : httpStatus ?? NemoCodes.HttpStatusFor(code);
        if (chosen == ErrorStyle.NonJsonBody)
        {
            return WriteNonJsonAsync(context, status, text);
        }

        var endpoint = EndpointTag.Of(context);
        JsonObject body = IsRenderFamily(endpoint)
            ? new JsonObject { ["success"] = false, ["error"] = text, ["code"] = code }
            : new JsonObject { ["code"] = code, ["message"] = text, ["data"] = null };
        return WriteJsonAsync(context, status, body);
    }

    /// <summary>An error that is always an HTTP status (400, 402, 429, 5xx), with the body in the chosen style.</summary>
    public static Task StatusErrorAsync(HttpContext context, int httpStatus, string message, ErrorStyle? style = null)
    {
        var chosen = style ?? FaultFeature.StyleOf(context) ?? ErrorStyle.HttpStatusEnvelope;
        if (chosen == ErrorStyle.Http200Envelope && httpStatus >= 500)
        {
            // A server error wrapped as HTTP 200 with code != 0, the third documented way.
            return ErrorAsync(context, httpStatus, message, ErrorStyle.Http200Envelope);
        }

        return chosen == ErrorStyle.NonJsonBody
            ? WriteNonJsonAsync(context, httpStatus, message)
            : ErrorAsync(context, httpStatus, message, ErrorStyle.HttpStatusEnvelope, httpStatus);
    }

    public static async Task WriteJsonAsync(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString(SimulatorJson.Options), context.RequestAborted);
    }

    private static async Task WriteNonJsonAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        if (status >= 500)
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            var html = $"<html><head><title>{status}</title></head><body><h1>{status} {System.Net.WebUtility.HtmlEncode(message)}</h1><hr><center>nginx</center></body></html>";
            await context.Response.WriteAsync(html, context.RequestAborted);
            return;
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(message, context.RequestAborted);
    }

    private static bool IsRenderFamily(SimulatorEndpoint endpoint) =>
        endpoint is SimulatorEndpoint.RenderStart or SimulatorEndpoint.RenderStatus or SimulatorEndpoint.RenderCancel or SimulatorEndpoint.RenderDownload;
}
