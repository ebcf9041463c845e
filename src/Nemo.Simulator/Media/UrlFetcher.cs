using System.Net;

namespace Nemo.Simulator;

/// <summary>Fetches URL-mode uploads, streaming; loopback only unless <see cref="SimulatorOptions.AllowRemoteUploadUrls"/>.</summary>
internal sealed class UrlFetcher(SimulatorOptions options) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, ConnectTimeout = TimeSpan.FromSeconds(10) })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public bool IsAllowed(Uri uri)
    {
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            return false;
        }

        return options.AllowRemoteUploadUrls || uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));
    }

    public async Task<HttpResponseMessage> GetAsync(Uri uri, CancellationToken cancellationToken) =>
        await _http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);

    public static string FileNameOf(Uri uri, HttpResponseMessage response)
    {
        var fromHeader = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName;
        var name = Path.GetFileName((fromHeader?.Trim('"') ?? Uri.UnescapeDataString(uri.AbsolutePath)).Replace('\\', '/'));
        return string.IsNullOrWhiteSpace(name) ? "download" : name;
    }

    public void Dispose() => _http.Dispose();
}
