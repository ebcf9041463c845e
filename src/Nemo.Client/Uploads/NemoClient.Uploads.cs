using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Nemo.Client;

public sealed partial class NemoClient
{
    private const string UploadOperation = "POST /api/upload-video/nemo_agent/me/{session}";

    /// <summary>
    /// <c>POST /api/upload-video/nemo_agent/me/&lt;session&gt;</c> as multipart: one <c>files</c> part
    /// per file, each streamed from its <see cref="UploadFile.Content"/> (memory does not grow with
    /// file size). Retried on transient failures only when every stream is seekable (it is rewound to
    /// where it started); a non-seekable upload is sent once.
    /// </summary>
    /// <param name="sessionId">The session.</param>
    /// <param name="files">One or more files.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>What Nemo stored.</returns>
    /// <exception cref="NemoApiException">The upload failed (4001 unsupported type, 4002 too large, …).</exception>
    public async Task<UploadResult> UploadAsync(string sessionId, IReadOnlyList<UploadFile> files, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionId);
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0)
        {
            throw new ArgumentException("At least one file is required.", nameof(files));
        }

        foreach (var file in files)
        {
            ArgumentNullException.ThrowIfNull(file, nameof(files));
            ArgumentException.ThrowIfNullOrWhiteSpace(file.FileName, nameof(files));
            ArgumentNullException.ThrowIfNull(file.Content, nameof(files));
        }

        var rewindable = files.All(f => f.Content.CanSeek);
        var starts = files.Select(f => f.Content.CanSeek ? f.Content.Position : 0).ToArray();
        var request = Request(HttpMethod.Post, UploadOperation, UploadPath(sessionId), () =>
        {
            var form = new MultipartFormDataContent();
            for (var i = 0; i < files.Count; i++)
            {
                var file = files[i];
                if (rewindable)
                {
                    file.Content.Position = starts[i];
                }

                var part = new StreamContent(new LeaveOpenStream(file.Content), 81920);
                part.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType ?? MediaTypes.ForFileName(file.FileName));
                // Quoted name and filename: some multipart parsers reject the bare tokens .NET writes by default.
                part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data")
                {
                    Name = "\"files\"",
                    FileName = Quote(file.FileName),
                    FileNameStar = file.FileName.All(char.IsAscii) ? null : file.FileName,
                };
                form.Add(part);
            }

            return form;
        });

        Log.Uploading(_transport.Logger, files.Count);
        var data = await _transport.SendJsonAsync(request, Profile, rewindable ? _transport.Idempotent : null, NemoEnvelope.Code, cancellationToken).ConfigureAwait(false);
        return ToUploadResult(data);
    }

    /// <summary>
    /// <c>POST /api/upload-video/nemo_agent/me/&lt;session&gt;</c> in URL mode
    /// (<c>{"urls":[…],"source_type":"url"}</c>): Nemo fetches the files itself, so no bytes pass
    /// through this process. Retried on transient failures.
    /// </summary>
    /// <param name="sessionId">The session.</param>
    /// <param name="urls">Absolute URLs Nemo can read (e.g. a short-lived read-only SAS).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What Nemo stored.</returns>
    /// <exception cref="NemoApiException">The upload failed.</exception>
    public async Task<UploadResult> UploadFromUrlsAsync(string sessionId, IReadOnlyList<Uri> urls, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionId);
        ArgumentNullException.ThrowIfNull(urls);
        if (urls.Count == 0 || urls.Any(u => u is null || !u.IsAbsoluteUri))
        {
            throw new ArgumentException("At least one URL is required, and every URL must be absolute.", nameof(urls));
        }

        var body = new UrlUploadRequest(urls.Select(u => u.AbsoluteUri).ToArray(), "url");
        var request = Request(HttpMethod.Post, UploadOperation, UploadPath(sessionId), () => JsonBody.Create(body, NemoJsonContext.Default.UrlUploadRequest));
        var data = await _transport.SendJsonAsync(request, Profile, _transport.Idempotent, NemoEnvelope.Code, cancellationToken).ConfigureAwait(false);
        return ToUploadResult(data);
    }

    // Non-ASCII names travel in filename*; the plain filename keeps an ASCII stand-in.
    private static string Quote(string fileName) =>
        "\"" + new string(fileName.Select(c => char.IsAscii(c) && !char.IsControl(c) && c is not ('"' or '\\') ? c : '_').ToArray()) + "\"";

    private static string UploadPath(string sessionId) => $"/api/upload-video/nemo_agent/me/{Segment(sessionId)}";

    private UploadResult ToUploadResult(JsonElement data)
    {
        var upload = Deserialize(data, NemoJsonContext.Default.UploadData, UploadOperation);
        if (upload?.Files is null)
        {
            throw NemoResponseReader.Protocol(new NemoErrorContext(UploadOperation, Profile), HttpStatusCode.OK, "Nemo accepted the upload but listed no files.");
        }

        var files = upload.Files
            .Where(f => f is not null)
            .Select(f => new UploadedFile(
                f.Filename ?? string.Empty,
                f.FileType,
                Uri.TryCreate(f.CdnUrl, UriKind.Absolute, out var cdn) ? cdn : null,
                f.Duration,
                f.Width is { } w ? (int)w : null,
                f.Height is { } h ? (int)h : null,
                f.Fps,
                f.Hash))
            .ToArray();
        return new UploadResult(files, upload.SessionStateApplied ?? false);
    }
}
