using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Nemo.Cli.Tests.Support;
using Nemo.Simulator;

namespace Nemo.Cli.Tests.Serving;

/// <summary><c>nemo serve</c> end to end: the real command listening on loopback, against the simulator.</summary>
public sealed class ServeCommandTests : IAsyncLifetime, IDisposable
{
    private const string ApiKey = "s3cret-key";
    private readonly CancellationTokenSource _stop = new();
    private SimulatedNemo _nemo = null!;
    private RunningCli _serve = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _nemo = await SimulatedNemo.StartAsync();
        _serve = NemoCli.Start([.. _nemo.CommonArgs, "serve", "--urls", "http://127.0.0.1:0", "--api-key", ApiKey, "--out", _nemo.OutputDirectory], _stop.Token);
        var line = await _serve.WaitForLineAsync("Listening on ", TimeSpan.FromSeconds(60));
        var address = line["Listening on ".Length..].Split([' ', ','], 2)[0];
        _http = new HttpClient { BaseAddress = new Uri(address) };
        _http.DefaultRequestHeaders.Add("x-functions-key", ApiKey);
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        Assert.Equal(0, await _serve.Run);
        await _nemo.DisposeAsync();
    }

    public void Dispose()
    {
        _http.Dispose();
        _stop.Dispose();
    }

    private static MultipartFormDataContent Upload(string prompt, string? name = null)
    {
        var form = new MultipartFormDataContent();
        var image = new StreamContent(File.OpenRead(Path.Combine(NemoCli.SamplesDirectory, "coffee.jpg")));
        image.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(image, "images", "coffee.jpg");
        form.Add(new StringContent(prompt), "prompt");
        form.Add(new StringContent("""{"aspectRatio":"16:9"}"""), "options");
        if (name is not null)
        {
            form.Add(new StringContent(name), "name");
        }

        return form;
    }

    private async Task<JsonElement> WaitFinishedAsync(string id)
    {
        JsonElement resource = default;
        await Polling.UntilAsync(() =>
        {
            using var response = _http.GetAsync($"api/conversions/{id}").GetAwaiter().GetResult();
            resource = JsonDocument.Parse(response.Content.ReadAsStringAsync().GetAwaiter().GetResult()).RootElement.Clone();
            return resource.GetProperty("status").GetString() is not ("pending" or "running");
        }, TimeSpan.FromSeconds(90));
        return resource;
    }

    [Fact]
    public async Task Multipart_upload_with_an_idempotency_key_twice_is_one_conversion_and_the_key_with_another_body_is_refused()
    {
        using var first = new HttpRequestMessage(HttpMethod.Post, "api/conversions") { Content = Upload("animate this image with a slow zoom-in and leftward pan", "served") };
        first.Headers.Add("Idempotency-Key", "order-42");
        using var second = new HttpRequestMessage(HttpMethod.Post, "api/conversions") { Content = Upload("animate this image with a slow zoom-in and leftward pan", "served") };
        second.Headers.Add("Idempotency-Key", "order-42");

        using var reused = new HttpRequestMessage(HttpMethod.Post, "api/conversions") { Content = Upload("make it a fast spin instead", "served") };
        reused.Headers.Add("Idempotency-Key", "order-42");

        using var created = await _http.SendAsync(first);
        using var repeated = await _http.SendAsync(second);
        using var refused = await _http.SendAsync(reused);

        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        Assert.NotNull(created.Headers.Location);
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        Assert.Equal(id, JsonDocument.Parse(await repeated.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString());
        // The same key with another body is refused (IETF Idempotency-Key draft), as problem details naming the key.
        Assert.Equal(HttpStatusCode.UnprocessableContent, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("'order-42'", JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var finished = await WaitFinishedAsync(id);
        Assert.Equal("succeeded", finished.GetProperty("status").GetString());
        Assert.True(File.Exists(Path.Combine(_nemo.OutputDirectory, "served.mp4")));
        Assert.Equal(1, _nemo.Count(SimulatorEndpoint.RunSse));
        Assert.Equal(1, _nemo.Count(SimulatorEndpoint.RenderStart));

        var list = JsonDocument.Parse(await _http.GetStringAsync("api/conversions")).RootElement.GetProperty("items");
        Assert.Contains(list.EnumerateArray(), item => item.GetProperty("id").GetString() == id);
        await _nemo.VerifyReplaysAsync();
    }

    [Fact]
    public async Task Every_time_the_API_reports_really_happened_none_in_the_future()
    {
        var started = DateTimeOffset.UtcNow;
        using var created = await _http.PostAsync("api/conversions", Upload("animate this image with a slow zoom-in and leftward pan", "timed"));
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;

        var finished = await WaitFinishedAsync(id);
        var list = JsonDocument.Parse(await _http.GetStringAsync("api/conversions")).RootElement;
        var ended = DateTimeOffset.UtcNow;

        Assert.Equal("succeeded", finished.GetProperty("status").GetString());
        // createdAt, lastUpdatedAt, and the result's start, end and stage times.
        Assert.True(TrueTimes.AssertWithin(finished, started, ended, "GET /api/conversions/" + id) >= 10, finished.ToString());
        var item = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == id);
        Assert.True(TrueTimes.AssertWithin(item, started, ended, "GET /api/conversions") >= 2, item.ToString());
    }

    [Fact]
    public async Task Json_with_an_invalid_body_is_a_problem_details_400()
    {
        using var bad = await _http.PostAsync("api/conversions", new StringContent("{not json", Encoding.UTF8, "application/json"));
        using var missing = await _http.PostAsJsonAsync("api/conversions", new { images = Array.Empty<string>(), prompt = "" });

        foreach (var response in new[] { bad, missing })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(400, problem.GetProperty("status").GetInt32());
            Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        }

        Assert.Equal(0, _nemo.Count(SimulatorEndpoint.CreateSession));
    }

    [Fact]
    public async Task An_oversized_JSON_body_is_a_413_problem_that_echoes_nothing_back()
    {
        // 40 MB of JSON: one image "URL" that is 40 MB long, with and without a Content-Length.
        var huge = "{\"images\":[\"" + new string('a', 40 * 1024 * 1024) + "\"],\"prompt\":\"go\"}";
        using var declared = await _http.PostAsync("api/conversions", new StringContent(huge, Encoding.UTF8, "application/json"));
        using var streamed = new HttpRequestMessage(HttpMethod.Post, "api/conversions")
        {
            Content = new StreamContent(new ChunkedOnly(Encoding.UTF8.GetBytes(huge))) { Headers = { ContentType = new("application/json") } },
        };
        using var chunked = await _http.SendAsync(streamed);
        // Under the limit, a long bad URL is a 400 that quotes at most 100 characters of it.
        using var longUrl = await _http.PostAsync("api/conversions", new StringContent("{\"images\":[\"" + new string('b', 100_000) + "\"],\"prompt\":\"go\"}", Encoding.UTF8, "application/json"));

        foreach (var response in new[] { declared, chunked })
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(text.Length < 2048, $"{text.Length} characters came back");
            Assert.Contains("256 KiB", JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.BadRequest, longUrl.StatusCode);
        Assert.True((await longUrl.Content.ReadAsStringAsync()).Length < 2048);
        Assert.Equal(0, _nemo.Count(SimulatorEndpoint.CreateSession));
    }

    /// <summary>A body stream of unknown length, so the client sends it chunked, without a Content-Length.</summary>
    private sealed class ChunkedOnly(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    [Fact]
    public async Task Json_with_an_image_url_is_accepted()
    {
        // A tiny loopback file server stands in for wherever the image lives.
        var url = await ServeFileAsync();

        using var response = await _http.PostAsJsonAsync("api/conversions", new { images = new[] { url }, prompt = "animate this image with a slow zoom-in and leftward pan", name = "from-url" });

        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        Assert.Equal("succeeded", (await WaitFinishedAsync(id)).GetProperty("status").GetString());
    }

    private async Task<string> ServeFileAsync()
    {
        var listener = new HttpListener();
        var port = System.Net.Sockets.TcpListener.Create(0);
        port.Start();
        var free = ((IPEndPoint)port.LocalEndpoint).Port;
        port.Stop();
        listener.Prefixes.Add($"http://127.0.0.1:{free}/");
        listener.Start();
        _ = Task.Run(async () =>
        {
            using (listener)
            {
                while (!_stop.IsCancellationRequested)
                {
                    var context = await listener.GetContextAsync();
                    context.Response.ContentType = "image/jpeg";
                    await using (var file = File.OpenRead(Path.Combine(NemoCli.SamplesDirectory, "coffee.jpg")))
                    {
                        await file.CopyToAsync(context.Response.OutputStream);
                    }

                    context.Response.Close();
                }
            }
        });
        await Task.Yield();
        return $"http://127.0.0.1:{free}/coffee.jpg";
    }

    [Fact]
    public async Task Cancel_credits_health_and_unknown_ids()
    {
        using var created = await _http.PostAsync("api/conversions", Upload("animate this image with a slow zoom-in and leftward pan", "to-cancel"));
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;

        using var cancel = await _http.PostAsync($"api/conversions/{id}/cancel", null);
        Assert.True(cancel.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.Conflict, cancel.StatusCode.ToString());
        var finished = await WaitFinishedAsync(id);
        Assert.Contains(finished.GetProperty("status").GetString(), new[] { "cancelled", "succeeded" });

        var credits = JsonDocument.Parse(await _http.GetStringAsync("api/credits")).RootElement;
        Assert.True(credits.GetProperty("available").GetDecimal() > 0);
        using var health = await new HttpClient { BaseAddress = _http.BaseAddress }.GetAsync("api/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var unknown = await _http.GetAsync("api/conversions/conv-0000000000000000");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_api_key_is_required_on_every_route_but_health()
    {
        using var anonymous = new HttpClient { BaseAddress = _http.BaseAddress };

        using var noKey = await anonymous.GetAsync("api/conversions");
        using var wrongKey = await anonymous.GetAsync("api/credits?code=wrong");
        using var queryKey = await anonymous.GetAsync($"api/conversions?code={ApiKey}");
        using var post = await anonymous.PostAsync("api/conversions", Upload("animate this image"));
        using var health = await anonymous.GetAsync("api/health");

        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal("application/problem+json", noKey.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
        Assert.Equal(HttpStatusCode.OK, queryKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(0, _nemo.Count(SimulatorEndpoint.CreateSession));
    }
}
