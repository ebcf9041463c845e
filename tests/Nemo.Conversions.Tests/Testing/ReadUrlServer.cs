using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Nemo.Conversions.Tests.Testing;

/// <summary>
/// Serves an <see cref="InMemoryMediaStore"/>'s inputs over HTTP on loopback, as blob storage serves a read-only SAS
/// URL: what Nemo fetches in URL-upload mode. Records every path asked for.
/// </summary>
internal sealed class ReadUrlServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly InMemoryMediaStore _store;
    private readonly Task _loop;

    public ReadUrlServer(InMemoryMediaStore store)
    {
        _store = store;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/");
            probe.Stop();
        }

        _listener.Prefixes.Add(BaseAddress.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri BaseAddress { get; }

    public ConcurrentQueue<string> Requested { get; } = new();

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends with the listener's disposal.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var key = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath.TrimStart('/'));
            Requested.Enqueue(key);
            using var response = context.Response;
            if (_store.Inputs.TryGetValue(key, out var bytes))
            {
                response.ContentType = "image/png";
                response.ContentLength64 = bytes.Length;
                await response.OutputStream.WriteAsync(bytes);
            }
            else
            {
                response.StatusCode = 404;
            }
        }
    }
}
