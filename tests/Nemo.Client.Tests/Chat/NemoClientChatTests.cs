using System.Net;
using System.Text;
using Nemo.Client.Tests.Testing;

namespace Nemo.Client.Tests.Chat;

public sealed class NemoClientChatTests
{
    private static HttpResponseMessage EventStream(string text) =>
        new(HttpStatusCode.OK) { Content = new StringContent(text, Encoding.UTF8, "text/event-stream") };

    private static async Task<List<ChatEvent>> CollectAsync(IAsyncEnumerable<ChatEvent> events)
    {
        var list = new List<ChatEvent>();
        await foreach (var e in events)
        {
            list.Add(e);
        }

        return list;
    }

    [Fact]
    public async Task SendPrompt_posts_the_documented_body_and_streams_events()
    {
        var test = new TestClient();
        test.Handler.Respond(_ => EventStream("data: {\"type\":\"text\",\"content\":\"Done!\"}\n\n"));

        var events = await CollectAsync(test.Client.SendPromptAsync("7300", "make it blue"));

        var text = Assert.IsType<ChatTextEvent>(Assert.Single(events));
        Assert.Equal("Done!", text.Text);
        var request = Assert.Single(test.Handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/run_sse", request.PathAndQuery);
        Assert.Equal("text/event-stream", request.Header("Accept"));
        Assert.Equal($"Bearer {TestClient.Token}", request.Header("Authorization"));
        Assert.Equal("image-to-video-best", request.Header("X-Skill-Source"));
        var body = request.BodyJson;
        Assert.Equal("nemo_agent", body.GetProperty("app_name").GetString());
        Assert.Equal("me", body.GetProperty("user_id").GetString());
        Assert.Equal("7300", body.GetProperty("session_id").GetString());
        Assert.Equal("make it blue", body.GetProperty("new_message").GetProperty("parts")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Nothing_is_sent_until_enumeration_starts()
    {
        var test = new TestClient();
        _ = test.Client.SendPromptAsync("1", "hi");
        await Task.Yield();
        Assert.Empty(test.Handler.Requests);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task A_server_error_is_never_retried(HttpStatusCode status)
    {
        var test = new TestClient(o => o.MaxRetries = 5);
        test.Handler.Respond(status, "upstream", "text/plain");

        var error = await Assert.ThrowsAsync<NemoApiException>(() => CollectAsync(test.Client.SendPromptAsync("1", "hi")));

        Assert.Equal(NemoErrorKind.Transient, error.Kind);
        Assert.Single(test.Handler.Requests);
        Assert.DoesNotContain(test.Time.ScheduledDelays, d => d != test.Options.ChatStream.KeepAliveTimeout && d != test.Options.ChatStream.OverallTimeout);
    }

    [Fact]
    public async Task A_connection_failure_before_headers_is_never_retried()
    {
        var test = new TestClient(o => o.MaxRetries = 5);
        test.Handler.Throw(new HttpRequestException("connection reset"));

        var error = await Assert.ThrowsAsync<NemoApiException>(() => CollectAsync(test.Client.SendPromptAsync("1", "hi")));

        Assert.Equal(NemoErrorKind.Transient, error.Kind);
        Assert.Single(test.Handler.Requests);
    }

    [Fact]
    public async Task A_rate_limit_is_not_retried_either()
    {
        var test = new TestClient();
        test.Handler.Respond(HttpStatusCode.TooManyRequests, "{}", customize: r => r.Headers.RetryAfter = new(TimeSpan.FromSeconds(1)));

        var error = await Assert.ThrowsAsync<NemoApiException>(() => CollectAsync(test.Client.SendPromptAsync("1", "hi")));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Single(test.Handler.Requests);
    }

    [Fact]
    public async Task A_json_error_envelope_instead_of_a_stream_is_thrown()
    {
        var test = new TestClient();
        test.Handler.Respond(HttpStatusCode.OK, Responses.Error(2001, "no credits"));

        var error = await Assert.ThrowsAsync<NemoApiException>(() => CollectAsync(test.Client.SendPromptAsync("1", "hi")));

        Assert.Equal(2001, error.NemoCode);
        Assert.Equal(NemoErrorKind.Terminal, error.Kind);
        Assert.Equal("POST /run_sse", error.Operation);
    }

    [Fact]
    public async Task A_json_success_instead_of_a_stream_is_an_error_that_warns_against_resending()
    {
        var test = new TestClient();
        test.Handler.Respond(HttpStatusCode.OK, Responses.Envelope("{}"));

        var error = await Assert.ThrowsAsync<NemoApiException>(() => CollectAsync(test.Client.SendPromptAsync("1", "hi")));

        Assert.Contains("Read the session state", error.Message, StringComparison.Ordinal);
        Assert.Single(test.Handler.Requests);
    }

    [Fact]
    public async Task A_rejected_anonymous_token_is_invalidated_but_the_prompt_is_not_resent()
    {
        var store = new MemoryTokenStore();
        var options = TestClient.DefaultOptions();
        var handler = new RecordingHandler();
        var http = new HttpClient(handler);
        var time = new FakeTimeProvider();
        using var tokens = new AnonymousNemoTokenSource(http, options, store, time);
        var client = new NemoClient(http, options, tokens, time);
        handler.RespondData("""{"token":"nmv_usr_old"}""")
            .Respond(HttpStatusCode.Unauthorized, Responses.Error(1001, "expired"))
            .RespondData("""{"token":"nmv_usr_new"}""");

        var error = await Assert.ThrowsAsync<NemoApiException>(() => CollectAsync(client.SendPromptAsync("1", "hi")));

        Assert.Equal(NemoErrorKind.Recoverable, error.Kind);
        Assert.Equal(1001, error.NemoCode);
        Assert.Equal(1, handler.Requests.Count(r => r.PathAndQuery == "/run_sse"));
        Assert.Equal("nmv_usr_new", (await tokens.GetTokenAsync()).Value);
    }

    [Fact]
    public async Task A_rejected_configured_token_is_terminal()
    {
        var test = new TestClient();
        test.Handler.Respond(HttpStatusCode.OK, Responses.Error(1001, "expired"));

        var error = await Assert.ThrowsAsync<NemoApiException>(() => CollectAsync(test.Client.SendPromptAsync("1", "hi")));

        Assert.Equal(NemoErrorKind.Terminal, error.Kind);
        Assert.Contains("NEMO_TOKEN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_header_wait_is_bounded_by_the_keep_alive_timeout()
    {
        var test = new TestClient(o => o.ChatStream.KeepAliveTimeout = TimeSpan.FromMinutes(3));
        test.Handler.Respond(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });

        var call = CollectAsync(test.Client.SendPromptAsync("1", "hi"));
        var due = await test.Time.WaitForTimerAsync(d => d == TimeSpan.FromMinutes(3)).WaitAsync(TimeSpan.FromSeconds(30));
        test.Time.Advance(due);

        var error = await Assert.ThrowsAsync<NemoApiException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
        Assert.Single(test.Handler.Requests);
    }
}
