using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Nemo.Simulator.Tests;

/// <summary>A deliberately plain HttpClient speaking the Nemo protocol to the simulator (no Nemo.Client).</summary>
internal sealed class RawNemo : IDisposable
{
    public const string Source = "image-to-video-best";

    public RawNemo(NemoSimulator simulator, string clientId = "test-client")
    {
        Simulator = simulator;
        ClientId = clientId;
        Http = new HttpClient { BaseAddress = simulator.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public NemoSimulator Simulator { get; }

    public HttpClient Http { get; }

    public string ClientId { get; }

    public string? Token { get; set; }

    public string SkillSource { get; set; } = Source;

    public bool SendAttribution { get; set; } = true;

    public static async Task<(NemoSimulator Simulator, RawNemo Nemo)> StartAsync(Action<SimulatorOptions>? configure = null, LogCapture? logs = null)
    {
        var options = new SimulatorOptions { TimeScale = 0.001, Seed = 7, UseFfmpeg = false };
        configure?.Invoke(options);
        var simulator = await NemoSimulator.StartAsync(options, logs is null ? null : logs.Configure);
        return (simulator, new RawNemo(simulator));
    }

    public HttpRequestMessage Request(HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (Token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        }

        if (SendAttribution)
        {
            request.Headers.Add("X-Skill-Source", SkillSource);
            request.Headers.Add("X-Skill-Version", "1.0.0");
            request.Headers.Add("X-Skill-Platform", "unknown");
        }

        return request;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content = null, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        using var request = Request(method, path, content);
        return await Http.SendAsync(request, completion);
    }

    public async Task<(HttpResponseMessage Response, JsonNode? Body)> CallAsync(HttpMethod method, string path, HttpContent? content = null)
    {
        var response = await SendAsync(method, path, content);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? body = null;
        if (response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true)
        {
            body = JsonNode.Parse(text);
        }

        return (response, body);
    }

    public async Task<string> AcquireTokenAsync()
    {
        var saved = Token;
        Token = null;
        using var request = Request(HttpMethod.Post, "api/auth/anonymous-token");
        Token = saved;
        request.Headers.Add("X-Client-Id", ClientId);
        using var response = await Http.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(0, (int)body["code"]!);
        Token = (string)body["data"]!["token"]!;
        return Token;
    }

    public async Task<string> CreateSessionAsync()
    {
        var (_, body) = await CallAsync(HttpMethod.Post, "api/tasks/me/with-session/nemo_agent", JsonContent.Create(new { task_name = "project", language = "en" }));
        Assert.Equal(0, (int)body!["code"]!);
        return (string)body["data"]!["session_id"]!;
    }

    public async Task<(HttpResponseMessage Response, JsonNode? Body)> UploadAsync(string sessionId, string fileName, byte[] bytes)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "files", fileName);
        return await CallAsync(HttpMethod.Post, $"api/upload-video/nemo_agent/me/{sessionId}", form);
    }

    /// <summary>Token, session and one uploaded PNG.</summary>
    public async Task<string> ReadySessionAsync(string fileName = "city_timelapse.png")
    {
        await AcquireTokenAsync();
        var session = await CreateSessionAsync();
        var (_, body) = await UploadAsync(session, fileName, TestImages.Png(64, 36));
        Assert.Equal(0, (int)body!["code"]!);
        return session;
    }

    public static JsonContent PromptBody(string sessionId, string prompt) => JsonContent.Create(new
    {
        app_name = "nemo_agent",
        user_id = "me",
        session_id = sessionId,
        new_message = new { parts = new[] { new { text = prompt } } },
    });

    /// <summary>Sends a prompt and reads the whole stream (it ends when the server closes it).</summary>
    public async Task<SseTranscript> PromptAsync(string sessionId, string prompt)
    {
        using var request = Request(HttpMethod.Post, "run_sse", PromptBody(sessionId, prompt));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var raw = await response.Content.ReadAsStringAsync();
        return new SseTranscript(response.StatusCode, response.Content.Headers.ContentType?.MediaType, raw);
    }

    public async Task<JsonNode> StateAsync(string sessionId)
    {
        var (_, body) = await CallAsync(HttpMethod.Get, $"api/state/nemo_agent/me/{sessionId}/latest");
        return body!;
    }

    public async Task<JsonObject> DraftAsync(string sessionId) => (JsonObject)(await StateAsync(sessionId))["data"]!["state"]!["draft"]!;

    public async Task<JsonNode> CreditsAsync() => (await CallAsync(HttpMethod.Get, "api/credits/balance/simple")).Body!;

    public static JsonContent RenderBody(string id, string sessionId, JsonNode draft) => JsonContent.Create(new JsonObject
    {
        ["id"] = id,
        ["sessionId"] = sessionId,
        ["draft"] = draft.DeepClone(),
        ["output"] = new JsonObject { ["format"] = "mp4", ["quality"] = "high" },
    });

    /// <summary>A session with a draft, ready to render.</summary>
    public async Task<(string SessionId, JsonObject Draft)> DraftedSessionAsync(string prompt = "animate this image with a slow zoom-in and leftward pan")
    {
        var session = await ReadySessionAsync();
        var transcript = await PromptAsync(session, prompt);
        Assert.Equal(System.Net.HttpStatusCode.OK, transcript.Status);
        var draft = await WaitForAsync(async () => await DraftAsync(session) is var d && ((JsonArray)d["t"]!).Count > 0 ? d : null);
        return (session, draft);
    }

    public static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, int seconds = 30)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for the simulator.");
            await Task.Delay(20);
        }
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public void Dispose() => Http.Dispose();
}
