using System.Net;

namespace Nemo.Conversions.Tests.Api;

/// <summary>Answers image URL fetches from a table; records every request.</summary>
internal sealed class FakeHttpHandler : HttpMessageHandler
{
    private readonly Dictionary<string, Func<HttpResponseMessage>> _routes = new(StringComparer.Ordinal);

    public List<HttpRequestMessage> Requests { get; } = [];

    public void Serve(string url, byte[] content) =>
        _routes[url] = () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(content) };

    public void Serve(string url, Func<HttpResponseMessage> response) => _routes[url] = response;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        var url = request.RequestUri!.ToString();
        if (!_routes.TryGetValue(url, out var route))
        {
            throw new HttpRequestException("Name or service not known (" + request.RequestUri.Host + ":443)");
        }

        return Task.FromResult(route());
    }
}

/// <summary>An <see cref="IHttpClientFactory"/> handing out clients over one handler, recording the names asked for.</summary>
internal sealed class FakeHttpClientFactory(HttpMessageHandler handler) : IHttpClientFactory
{
    public List<string> Names { get; } = [];

    public HttpClient CreateClient(string name)
    {
        Names.Add(name);
        return new HttpClient(handler, disposeHandler: false);
    }
}
