using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Nemo.Client.Tests.Testing;

/// <summary>A request as the handler saw it: method, URI, every header, and the body bytes.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, byte[] Body, string? ContentType)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public JsonElement BodyJson => JsonDocument.Parse(Body).RootElement;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string PathAndQuery => Uri.PathAndQuery;
}

/// <summary>
/// Returns scripted responses in order (or from <see cref="Fallback"/>) and records every request.
/// </summary>
public sealed class RecordingHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>>> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Answers requests when the script is empty.</summary>
    public Func<RecordedRequest, HttpResponseMessage>? Fallback { get; set; }

    public RecordingHandler Respond(Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> responder)
    {
        _script.Enqueue(responder);
        return this;
    }

    public RecordingHandler Respond(Func<RecordedRequest, HttpResponseMessage> responder) =>
        Respond((r, _) => Task.FromResult(responder(r)));

    public RecordingHandler Respond(HttpStatusCode status, string body, string contentType = "application/json", Action<HttpResponseMessage>? customize = null) =>
        Respond(_ =>
        {
            var response = Responses.Text(status, body, contentType);
            customize?.Invoke(response);
            return response;
        });

    /// <summary>HTTP 200 with <c>{"code":0,"message":"ok","data":…}</c>.</summary>
    public RecordingHandler RespondData(string dataJson) =>
        Respond(HttpStatusCode.OK, Responses.Envelope(dataJson));

    public RecordingHandler Throw(Exception exception) =>
        Respond((_, _) => Task.FromException<HttpResponseMessage>(exception));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers)
        {
            headers[header.Key] = string.Join(", ", header.Value);
        }

        byte[] body = [];
        if (request.Content is not null)
        {
            foreach (var header in request.Content.Headers)
            {
                headers[header.Key] = string.Join(", ", header.Value);
            }

            body = await request.Content.ReadAsByteArrayAsync(cancellationToken);
        }

        var recorded = new RecordedRequest(request.Method, request.RequestUri!, headers, body, request.Content?.Headers.ContentType?.ToString());
        _requests.Enqueue(recorded);
        if (_script.TryDequeue(out var responder))
        {
            var response = await responder(recorded, cancellationToken);
            response.RequestMessage ??= request;
            return response;
        }

        if (Fallback is not null)
        {
            return Fallback(recorded);
        }

        throw new InvalidOperationException($"Unexpected request {request.Method} {request.RequestUri}");
    }
}

public static class Responses
{
    public static string Envelope(string dataJson, int code = 0, string message = "ok") =>
        $$"""{"code":{{code}},"message":"{{message}}","data":{{dataJson}}}""";

    public static string Error(int code, string message) =>
        $$"""{"code":{{code}},"message":"{{message}}","data":null}""";

    public static HttpResponseMessage Text(HttpStatusCode status, string body, string contentType = "application/json") =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, contentType) };
}
