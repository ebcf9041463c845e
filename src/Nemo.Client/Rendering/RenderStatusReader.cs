using System.Text.Json;

namespace Nemo.Client;

/// <summary>
/// Reads a render response in any documented shape: status from <c>data.status</c> then
/// <c>status</c>; the URL from <c>data.outputUrl</c>, <c>data.output.url</c>, <c>outputUrl</c>,
/// <c>output.url</c> (first present).
/// </summary>
internal static class RenderStatusReader
{
    public static RenderStatus Read(JsonElement root, string requestedId, Uri baseAddress)
    {
        var data = root.Prop("data");
        var status = data.Prop("status").AsString() ?? root.Prop("status").AsString();
        var url = data.Prop("outputUrl").AsString()
            ?? data.Prop("output").Prop("url").AsString()
            ?? root.Prop("outputUrl").AsString()
            ?? root.Prop("output").Prop("url").AsString();
        var error = data.Prop("error").AsString()
            ?? data.Prop("error").Prop("message").AsString()
            ?? root.Prop("error").AsString()
            ?? root.Prop("error").Prop("message").AsString();
        var progress = data.Prop("progress").AsInt() ?? root.Prop("progress").AsInt();

        return new RenderStatus(
            data.Prop("id").AsString() ?? root.Prop("id").AsString() ?? requestedId,
            ParseState(status),
            progress is { } p ? Math.Clamp(p, 0, 100) : null,
            OutputUri(url, baseAddress),
            NemoErrors.Sanitize(error, token: null));
    }

    private static Uri? OutputUri(string? url, Uri baseAddress)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        // A path ("/files/x.mp4") is taken relative to the Nemo address.
        if (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
        {
            return new Uri(baseAddress, url);
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var absolute)
            && (absolute.Scheme == Uri.UriSchemeHttps || absolute.Scheme == Uri.UriSchemeHttp)
                ? absolute
                : null;
    }

    public static RenderState ParseState(string? status) =>
        status?.Trim().ToLowerInvariant() switch
        {
            "pending" or "queued" or "waiting" or "created" => RenderState.Pending,
            "processing" or "running" or "rendering" or "in_progress" or "started" => RenderState.Processing,
            "completed" or "complete" or "succeeded" or "success" or "done" or "finished" => RenderState.Completed,
            "failed" or "failure" or "error" => RenderState.Failed,
            "cancelled" or "canceled" => RenderState.Cancelled,
            _ => RenderState.Unknown,
        };
}
