using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Nemo.Simulator;

/// <summary>
/// <c>POST /api/upload-video/nemo_agent/me/&lt;session_id&gt;</c>: multipart <c>files</c> parts or JSON <c>{"urls":[…]}</c>.
/// Every file streams to disk; an unsupported (4001) or oversized (4002) file stops the reading at once.
/// </summary>
internal static class UploadEndpoint
{
    public static async Task HandleAsync(HttpContext context)
    {
        var user = await RequestChecks.AuthorizeAsync(context);
        if (user is null)
        {
            return;
        }

        var runtime = SimulatorRuntime.From(context);
        var sessionId = context.Request.RouteValues["sessionId"] as string;
        var session = runtime.State.FindSession(user, sessionId);
        if (session is null)
        {
            await NemoResponses.ErrorAsync(context, NemoCodes.SessionNotFound);
            return;
        }

        var limit = LimitFor(runtime.Options, context.Request.Headers[RequestChecks.SkillSource].ToString());
        var uploads = new List<UploadRecord>();
        var outcome = MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var contentType)
            && contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            ? await ReadMultipartAsync(context, runtime, session, contentType, limit, uploads)
            : RequestJson.IsJson(context.Request)
                ? await UrlUpload.ReadAsync(context, runtime, session, limit, uploads)
                : UploadOutcome.Invalid("Expected multipart/form-data with 'files' parts, or JSON {\"urls\":[…]}");

        if (outcome.Code != 0)
        {
            foreach (var upload in uploads)
            {
                File.Delete(upload.LocalPath);
            }

            if (outcome.Code == NemoCodes.TooLarge)
            {
                // The handler reads no further. Kestrel discards the rest of the body so that the client, which is
                // still sending, gets this answer rather than a reset (HttpClient reports a reset while sending as a
                // transport error); the connection is not reused afterwards.
                context.Response.Headers.Connection = "close";
            }

            Log.UploadRejected(runtime.Logger, session.SessionId, outcome.Code == NemoCodes.TooLarge ? StoreOutcome.TooLarge : StoreOutcome.Unsupported);
            await NemoResponses.ErrorAsync(context, outcome.Code, outcome.Message, httpStatus: outcome.HttpStatus);
            return;
        }

        runtime.State.AddUploads(session, uploads);
        var files = new JsonArray();
        foreach (var upload in uploads)
        {
            var file = new JsonObject
            {
                ["filename"] = upload.FileName,
                ["file_type"] = upload.Kind.ToString().ToLowerInvariant(),
                ["cdn_url"] = upload.CdnUrl,
                ["hash"] = upload.Hash,
                ["size"] = upload.Size,
            };
            if (upload.Width is { } width && upload.Height is { } height)
            {
                file["width"] = width;
                file["height"] = height;
            }

            files.Add(file);
        }

        await NemoResponses.OkAsync(context, new JsonObject { ["files"] = files, ["session_state_applied"] = true });
    }

    public static long LimitFor(SimulatorOptions options, string source) =>
        options.UploadLimitBytesBySource.TryGetValue(source, out var limit) ? limit : options.DefaultUploadLimitBytes;

    /// <summary>Streams one file to disk and records it; the outcome says why it was refused.</summary>
    public static async Task<UploadOutcome> StoreAsync(
        HttpContext context, SimulatorRuntime runtime, SessionRecord session, Stream source, string fileName, long limit, List<UploadRecord> uploads)
    {
        var fileId = "f" + Guid.NewGuid().ToString("n")[..16];
        var extension = Path.GetExtension(fileName).TrimStart('.').ToLowerInvariant();
        var path = runtime.Storage.NewUploadPath(session.SessionId, fileId, SafeName.IsValid(extension) && extension.Length > 0 ? extension : "bin");
        var stored = await UploadWriter.WriteAsync(source, fileName, path, limit, context.RequestAborted);
        switch (stored.Outcome)
        {
            case StoreOutcome.TooLarge:
                return UploadOutcome.Error(NemoCodes.TooLarge, $"File too large: {fileName} exceeds the limit of {limit / (1024 * 1024)} MB ({limit} bytes)");
            case StoreOutcome.Unsupported:
                return UploadOutcome.Error(NemoCodes.UnsupportedType, $"Unsupported file type: {fileName}. Accepted: {MediaSniffer.AcceptedList}");
            default:
                break;
        }

        var cdnUrl = $"{RequestChecks.BaseUrl(context.Request)}/cdn/uploads/{session.SessionId}/{Path.GetFileName(path)}";
        uploads.Add(new UploadRecord(fileId, fileName, stored.Kind, stored.Format!, path, cdnUrl, stored.Size, stored.Hash!, stored.Width, stored.Height));
        return UploadOutcome.Ok;
    }

    private static async Task<UploadOutcome> ReadMultipartAsync(
        HttpContext context, SimulatorRuntime runtime, SessionRecord session, MediaTypeHeaderValue contentType, long limit, List<UploadRecord> uploads)
    {
        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            return UploadOutcome.Invalid("Missing multipart boundary");
        }

        var reader = new MultipartReader(boundary, context.Request.Body) { BodyLengthLimit = null };
        while (await reader.ReadNextSectionAsync(context.RequestAborted) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.IsFileDisposition()
                || !(disposition.Name.Value?.Trim('"') is "files" or "file"))
            {
                continue;
            }

            var fileName = Path.GetFileName((disposition.FileNameStar.Value ?? disposition.FileName.Value ?? "upload").Trim('"'));
            var outcome = await StoreAsync(context, runtime, session, section.Body, fileName, limit, uploads);
            if (outcome.Code != 0)
            {
                return outcome;
            }
        }

        return uploads.Count == 0 ? UploadOutcome.Invalid("No 'files' parts in the request") : UploadOutcome.Ok;
    }
}
