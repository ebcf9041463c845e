using System.Net;
using Nemo.Client.Tests.Testing;

namespace Nemo.Client.Tests.Auth;

public sealed class AnonymousNemoTokenSourceTests
{
    // The expiry times in the token responses below are written relative to this start.
    private static readonly DateTimeOffset Start = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static string TokenData(string token, string expiresAt = "2025-06-08T12:00:00Z") =>
        $$"""{"token":"{{token}}","user_id":"anon_7","expires_at":"{{expiresAt}}","credits":100}""";

    private sealed class Fixture
    {
        public Fixture(Action<NemoClientOptions>? configure = null)
        {
            Options = TestClient.DefaultOptions();
            configure?.Invoke(Options);
            Http = new HttpClient(Handler);
            Source = new AnonymousNemoTokenSource(Http, Options, Store, Time, Logger);
        }

        public NemoClientOptions Options { get; }

        public RecordingHandler Handler { get; } = new();

        public TimerRecordingTimeProvider Time { get; } = new(Start);

        public MemoryTokenStore Store { get; } = new();

        public HttpClient Http { get; }

        public ListLogger<AnonymousNemoTokenSource> Logger { get; } = new();

        public AnonymousNemoTokenSource Source { get; }

        public NemoClient Client() => new(Http, Options, Source, Time);
    }

    [Fact]
    public async Task Acquires_once_with_the_client_id_and_no_bearer_then_reuses()
    {
        var f = new Fixture(o => o.ClientId = "my-stable-client");
        f.Handler.RespondData(TokenData("nmv_usr_first"));

        var first = await f.Source.GetTokenAsync();
        var second = await f.Source.GetTokenAsync();

        Assert.Same(first, second);
        Assert.Equal("nmv_usr_first", first.Value);
        Assert.Equal("anon_7", first.UserId);
        Assert.True(first.IsAnonymous);
        Assert.Equal(new DateTimeOffset(2025, 6, 8, 12, 0, 0, TimeSpan.Zero), first.ExpiresAt);
        var request = Assert.Single(f.Handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/api/auth/anonymous-token", request.PathAndQuery);
        Assert.Equal("my-stable-client", request.Header("X-Client-Id"));
        Assert.Null(request.Header("Authorization"));
        Assert.Equal("image-to-video-best", request.Header("X-Skill-Source"));
        Assert.Equal("my-stable-client", f.Store.Stored?.ClientId);
        Assert.Equal("nmv_usr_first", f.Store.Stored?.Value);
    }

    [Fact]
    public async Task A_persisted_token_is_reused_without_a_request()
    {
        var f = new Fixture();
        f.Store.Stored = new NemoAccessToken("nmv_usr_persisted", true, "anon_1", f.Time.GetUtcNow().AddDays(3), "client-x");

        var token = await f.Source.GetTokenAsync();

        Assert.Equal("nmv_usr_persisted", token.Value);
        Assert.Empty(f.Handler.Requests);
    }

    [Fact]
    public async Task An_expiring_token_is_replaced_for_the_same_client_id()
    {
        var f = new Fixture();
        var expires = f.Time.GetUtcNow().AddHours(1);
        f.Store.Stored = new NemoAccessToken("nmv_usr_old", true, "anon_1", expires, "client-x");
        f.Handler.RespondData(TokenData("nmv_usr_new", "2025-06-20T00:00:00Z"));

        Assert.Equal("nmv_usr_old", (await f.Source.GetTokenAsync()).Value);
        f.Time.Advance(TimeSpan.FromMinutes(56)); // inside the 5-minute safety margin
        var renewed = await f.Source.GetTokenAsync();

        Assert.Equal("nmv_usr_new", renewed.Value);
        Assert.Equal("client-x", Assert.Single(f.Handler.Requests).Header("X-Client-Id"));
        Assert.Equal("nmv_usr_new", f.Store.Stored?.Value);
    }

    [Fact]
    public async Task A_generated_client_id_is_persisted_and_used_again()
    {
        var f = new Fixture();
        f.Handler.RespondData(TokenData("nmv_usr_a", "2025-06-01T12:30:00Z")).RespondData(TokenData("nmv_usr_b"));

        var first = await f.Source.GetTokenAsync();
        f.Time.Advance(TimeSpan.FromMinutes(26));
        await f.Source.GetTokenAsync();

        Assert.False(string.IsNullOrEmpty(first.ClientId));
        Assert.Equal(first.ClientId, f.Handler.Requests[0].Header("X-Client-Id"));
        Assert.Equal(first.ClientId, f.Handler.Requests[1].Header("X-Client-Id"));
    }

    [Fact]
    public async Task Missing_expiry_means_seven_days()
    {
        var f = new Fixture();
        f.Handler.RespondData("""{"token":"nmv_usr_x"}""");

        var token = await f.Source.GetTokenAsync();

        Assert.Equal(f.Time.GetUtcNow().AddDays(7), token.ExpiresAt);
    }

    [Fact]
    public async Task Concurrent_callers_share_one_acquisition()
    {
        var f = new Fixture();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        f.Handler.Respond(async (_, _) =>
        {
            await release.Task;
            return Responses.Text(HttpStatusCode.OK, Responses.Envelope(TokenData("nmv_usr_only")));
        });

        var callers = Enumerable.Range(0, 16).Select(_ => Task.Run(() => f.Source.GetTokenAsync().AsTask())).ToArray();
        release.SetResult();
        var tokens = await Task.WhenAll(callers).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.All(tokens, t => Assert.Equal("nmv_usr_only", t.Value));
        Assert.Single(f.Handler.Requests);
        Assert.Equal(1, f.Store.Saves);
    }

    [Fact]
    public async Task A_token_rejected_with_1001_is_reacquired_and_the_call_retried_once()
    {
        var f = new Fixture(o => o.ClientId = "stable");
        f.Handler.RespondData(TokenData("nmv_usr_old"))
            .Respond(HttpStatusCode.OK, Responses.Error(1001, "token invalid"))
            .RespondData(TokenData("nmv_usr_new"))
            .RespondData("""{"available":3,"frozen":0,"total":3}""");

        var credits = await f.Client().GetCreditsAsync();

        Assert.Equal(3, credits.Available);
        var requests = f.Handler.Requests;
        Assert.Equal(4, requests.Count);
        Assert.Equal("Bearer nmv_usr_old", requests[1].Header("Authorization"));
        Assert.Equal("/api/auth/anonymous-token", requests[2].PathAndQuery);
        Assert.Equal("stable", requests[2].Header("X-Client-Id"));
        Assert.Equal("Bearer nmv_usr_new", requests[3].Header("Authorization"));
        Assert.Equal("nmv_usr_new", f.Store.Stored?.Value);
    }

    [Fact]
    public async Task A_second_1001_after_refresh_surfaces_as_recoverable()
    {
        var f = new Fixture();
        f.Handler.RespondData(TokenData("nmv_usr_a"))
            .Respond(HttpStatusCode.OK, Responses.Error(1001, "bad"))
            .RespondData(TokenData("nmv_usr_b"))
            .Respond(HttpStatusCode.OK, Responses.Error(1001, "bad"));

        var error = await Assert.ThrowsAsync<NemoApiException>(() => f.Client().GetCreditsAsync());

        Assert.Equal(NemoErrorKind.Recoverable, error.Kind);
        Assert.Equal(1001, error.NemoCode);
        Assert.Equal(4, f.Handler.Requests.Count);
    }

    [Fact]
    public async Task A_stale_rejection_report_does_not_discard_the_new_token()
    {
        var f = new Fixture();
        f.Handler.RespondData(TokenData("nmv_usr_a")).RespondData(TokenData("nmv_usr_b"));

        var a = await f.Source.GetTokenAsync();
        await f.Source.InvalidateAsync(a);
        var b = await f.Source.GetTokenAsync();
        await f.Source.InvalidateAsync(a); // a late report about the old token
        var stillB = await f.Source.GetTokenAsync();

        Assert.Equal("nmv_usr_b", b.Value);
        Assert.Same(b, stillB);
        Assert.Equal(2, f.Handler.Requests.Count);
    }

    [Fact]
    public async Task Http_400_gets_a_new_client_id_and_one_retry()
    {
        var f = new Fixture(o => o.ClientId = "refused-id");
        f.Handler.Respond(HttpStatusCode.BadRequest, """{"message":"missing X-Client-Id"}""")
            .RespondData(TokenData("nmv_usr_ok"));

        var token = await f.Source.GetTokenAsync();

        Assert.Equal("nmv_usr_ok", token.Value);
        Assert.Equal("refused-id", f.Handler.Requests[0].Header("X-Client-Id"));
        var second = f.Handler.Requests[1].Header("X-Client-Id");
        Assert.False(string.IsNullOrEmpty(second));
        Assert.NotEqual("refused-id", second);
        Assert.Equal(second, token.ClientId);
    }

    [Fact]
    public async Task Rate_limit_is_not_retried_and_explains_itself()
    {
        var f = new Fixture();
        f.Handler.Respond(HttpStatusCode.TooManyRequests, """{"message":"slow down"}""", customize: r => r.Headers.RetryAfter = new(TimeSpan.FromSeconds(30)));

        var error = await Assert.ThrowsAsync<NemoApiException>(() => f.Source.GetTokenAsync().AsTask());

        Assert.Equal(NemoErrorKind.Terminal, error.Kind);
        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Contains("7 days", error.Message, StringComparison.Ordinal);
        Assert.Single(f.Handler.Requests);
        Assert.Empty(f.Time.ScheduledDelays);
    }

    [Fact]
    public async Task The_token_never_appears_in_logs()
    {
        var f = new Fixture();
        f.Handler.RespondData(TokenData("nmv_usr_topsecret"));

        await f.Source.GetTokenAsync();

        Assert.NotEmpty(f.Logger.Messages);
        Assert.DoesNotContain(f.Logger.Messages, m => m.Contains("topsecret", StringComparison.Ordinal));
    }
}
