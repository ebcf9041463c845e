using System.Buffers;

namespace Nemo.Simulator;

/// <summary>Streams a file from disk with <c>Content-Length</c>; a truncated-download fault announces the full length and aborts part-way.</summary>
internal static class FileSender
{
    public static async Task SendAsync(HttpContext context, string path, string contentType)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        var length = file.Length;
        var truncate = FaultFeature.Of(context, FaultKind.TruncatedDownload);
        var toSend = truncate is null ? length : (long)(length * truncate.SentFraction);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = length;
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            long sent = 0;
            while (sent < toSend)
            {
                var read = await file.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, toSend - sent)), context.RequestAborted);
                if (read == 0)
                {
                    break;
                }

                await context.Response.Body.WriteAsync(buffer.AsMemory(0, read), context.RequestAborted);
                sent += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (truncate is not null)
        {
            // Ending short of Content-Length makes Kestrel close the connection after the bytes already sent
            // (an abort could reset the socket before they leave); the client sees a premature end of body.
            await context.Response.Body.FlushAsync(context.RequestAborted);
            if (context.Features.Get<JournalEntry>() is { } entry)
            {
                entry.Aborted = true;
            }
        }
    }

    public static string ContentTypeOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".mp4" or ".m4a" => "video/mp4",
        ".mov" => "video/quicktime",
        ".webm" => "video/webm",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".png" => "image/png",
        ".gif" => "image/gif",
        ".webp" => "image/webp",
        _ => "application/octet-stream",
    };
}
