using System.Net;

namespace Nemo.Client;

public sealed partial class NemoClient
{
    private const string OutputUrlOperation = "GET <render output URL>";
    private const string DownloadFallbackOperation = "GET /api/render/proxy/{id}/download";
    private const int MaxErrorBodyBytes = 64 * 1024;

    /// <summary>
    /// Streams a finished render's MP4 into <paramref name="destination"/>. Reads
    /// <see cref="RenderStatus.OutputUrl"/> first (with no bearer token unless it is on the Nemo host);
    /// when there is no URL or it answers 401/403/404/410, uses the fallback
    /// <c>GET /api/render/proxy/&lt;id&gt;/download</c> (bearer). Failures before the first byte are
    /// retried; a download that ends early (fewer bytes than Content-Length, or a broken connection)
    /// is a transient <see cref="NemoApiException"/>, never a short file: start again with a fresh destination.
    /// </summary>
    /// <param name="render">A completed render's status.</param>
    /// <param name="destination">Where the bytes go; written with <see cref="Stream.CopyToAsync(Stream, CancellationToken)"/>, not disposed.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="NemoApiException">The download failed or was truncated.</exception>
    public async Task<long> DownloadRenderAsync(RenderStatus render, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(render);
        ArgumentNullException.ThrowIfNull(destination);
        if (!destination.CanWrite)
        {
            throw new ArgumentException("The destination stream must be writable.", nameof(destination));
        }

        if (render.OutputUrl is { } url)
        {
            var onNemoHost = IsNemoHost(url);
            var direct = new NemoRequest
            {
                Operation = OutputUrlOperation,
                Method = HttpMethod.Get,
                Uri = url,
                Authenticated = onNemoHost,
                Attribution = onNemoHost,
                Accept = "*/*",
            };

            Log.Downloading(_transport.Logger, render.Id, "output URL");
            var response = await OpenDownloadAsync(direct, allowFallbackStatus: true, cancellationToken).ConfigureAwait(false);
            using (response)
            {
                if (response.IsSuccessStatusCode)
                {
                    return await CopyBodyAsync(response, render.Id, OutputUrlOperation, destination, cancellationToken).ConfigureAwait(false);
                }

                Log.DownloadFallback(_transport.Logger, render.Id, (int)response.StatusCode);
            }
        }

        var fallback = new NemoRequest
        {
            Operation = DownloadFallbackOperation,
            Method = HttpMethod.Get,
            Uri = _transport.Api($"/api/render/proxy/{Segment(render.Id)}/download"),
            Accept = "*/*",
        };
        Log.Downloading(_transport.Logger, render.Id, "download fallback");
        using var fallbackResponse = await OpenDownloadAsync(fallback, allowFallbackStatus: false, cancellationToken).ConfigureAwait(false);
        return await CopyBodyAsync(fallbackResponse, render.Id, DownloadFallbackOperation, destination, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the render's status, then downloads it as <see cref="DownloadRenderAsync(RenderStatus, Stream, CancellationToken)"/> does.</summary>
    /// <param name="renderId">The render id.</param>
    /// <param name="destination">Where the bytes go.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="NemoApiException">The status call or the download failed.</exception>
    public async Task<long> DownloadRenderAsync(string renderId, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(renderId);
        var status = await GetRenderStatusAsync(renderId, cancellationToken).ConfigureAwait(false);
        return await DownloadRenderAsync(status, destination, cancellationToken).ConfigureAwait(false);
    }

    private bool IsNemoHost(Uri url)
    {
        var nemo = _transport.Options.BaseAddress;
        return string.Equals(url.Scheme, nemo.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(url.IdnHost, nemo.IdnHost, StringComparison.OrdinalIgnoreCase)
            && url.Port == nemo.Port;
    }

    /// <summary>
    /// Gets the response headers (retrying transient failures, repairing a rejected token). Returns a
    /// successful response, or — when <paramref name="allowFallbackStatus"/> — one whose status calls
    /// for the fallback; anything else becomes a <see cref="NemoApiException"/>.
    /// </summary>
    private Task<HttpResponseMessage> OpenDownloadAsync(NemoRequest request, bool allowFallbackStatus, CancellationToken cancellationToken) =>
        _transport.WithTokenRepairAsync(
            request.Operation,
            state => NemoTransport.ExecuteAsync(
                request.Operation,
                _transport.Idempotent,
                async token =>
                {
                    var response = await _transport.SendOnceAsync(request, Profile, HttpCompletionOption.ResponseHeadersRead, _transport.Options.RequestTimeout, state, token).ConfigureAwait(false);
                    if (response.IsSuccessStatusCode || (allowFallbackStatus && CallsForFallback(response.StatusCode)))
                    {
                        return response;
                    }

                    using (response)
                    {
                        var body = await ReadBoundedAsync(response, token).ConfigureAwait(false);
                        NemoResponseReader.Interpret(response, body, NemoEnvelope.Code, NemoTransport.ErrorContext(request, Profile, state), _transport.Time);
                        throw NemoResponseReader.Protocol(NemoTransport.ErrorContext(request, Profile, state), response.StatusCode, "Nemo answered the download with JSON instead of the video.");
                    }
                },
                cancellationToken),
            cancellationToken);

    private static bool CallsForFallback(HttpStatusCode status) =>
        status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized or HttpStatusCode.Gone;

    private async Task<long> CopyBodyAsync(HttpResponseMessage response, string renderId, string operation, Stream destination, CancellationToken cancellationToken)
    {
        var expected = response.Content.Headers.ContentLength;
        var counting = new CountingWriteStream(destination);
        try
        {
            var source = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (source.ConfigureAwait(false))
            {
                await source.CopyToAsync(counting, cancellationToken).ConfigureAwait(false);
            }

            await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException && !counting.WriteFailed)
        {
            Log.DownloadTruncated(_transport.Logger, renderId, counting.Written, expected);
            throw Truncated(operation, counting.Written, expected, ex);
        }

        if (expected is { } length && counting.Written != length)
        {
            Log.DownloadTruncated(_transport.Logger, renderId, counting.Written, expected);
            throw Truncated(operation, counting.Written, expected, innerException: null);
        }

        Log.Downloaded(_transport.Logger, renderId, counting.Written);
        return counting.Written;
    }

    private static NemoApiException Truncated(string operation, long written, long? expected, Exception? innerException) =>
        new(
            expected is { } length
                ? $"The render download was cut off after {written} of {length} bytes; download it again."
                : $"The render download was cut off after {written} bytes; download it again.",
            NemoErrorKind.Transient,
            innerException: innerException)
        {
            Operation = operation,
        };

    private static async Task<byte[]> ReadBoundedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[MaxErrorBodyBytes];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
            }

            return buffer[..total];
        }
    }
}
