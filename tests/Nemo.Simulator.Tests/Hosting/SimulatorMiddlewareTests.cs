using System.Net;
using System.Text.Json.Nodes;

namespace Nemo.Simulator.Tests;

/// <summary>Every fault kind and error style, end to end over HTTP (the middleware applies them; handlers act on stream, render and download faults).</summary>
public sealed class SimulatorMiddlewareTests
{
    [Fact]
    public async Task Server_error_times_2_then_success()
    {
        var (sim, nemo) = await RawNemo.StartAsync();
        await using var _ = sim;
        using var __ = nemo;
        await nemo.AcquireTokenAsync();
        var fault = sim.Faults.Add(Fault.On(SimulatorEndpoint.Credits).ServerError(503).Times(2));

        var first = await nemo.CallAsync(HttpMethod.Get, "api/credits/balance/simple");
        var second = await nemo.CallAsync(HttpMethod.Get, "api/credits/balance/simple");
        var third = await nemo.CallAsync(HttpMethod.Get, "api/credits/balance/simple");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.Response.StatusCode);
        Assert.Equal(503, (int)first.Body!["code"]!);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.Response.StatusCode);
        Assert.Equal(0, (int)third.Body!["code"]!);
        Assert.Equal(2, fault.Firings);
        Assert.Equal([FaultKind.ServerError, FaultKind.ServerError, null], sim.Journal.Entries.Where(e => e.Endpoint == SimulatorEndpoint.Credits).Select(e => e.Fault));
    }

    [Fact]
    public async Task Rate_limited_sends_429_with_retry_after_seconds()
    {
        var (sim, nemo) = await RawNemo.StartAsync();
        await using var _ = sim;
        using var __ = nemo;
        sim.Faults.Add(Fault.On(SimulatorEndpoint.AnonymousToken).RateLimited(TimeSpan.FromSeconds(30)).Once());
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/auth/anonymous-token");
        request.Headers.Add("X-Client-Id", "c");

        using var response = await nemo.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Connection_reset_aborts_without_a_response()
    {
        var (sim, nemo) = await RawNemo.StartAsync();
        await using var _ = sim;
        using var __ = nemo;
        await nemo.AcquireTokenAsync();
        sim.Faults.Add(Fault.On(SimulatorEndpoint.CreateSession).ConnectionReset().Once());

        await Assert.ThrowsAsync<HttpRequestException>(() => nemo.CallAsync(HttpMethod.Post, "api/tasks/me/with-session/nemo_agent", RawNemo.Json("{}")));
        var session = await nemo.CreateSessionAsync();

        Assert.NotEmpty(session);
        var entries = sim.Journal.Entries.Where(e => e.Endpoint == SimulatorEndpoint.CreateSession).ToList();
        Assert.True(entries[0].Aborted);
        Assert.Null(entries[0].StatusCode);
        Assert.False(entries[1].Aborted);
    }

    [Fact]
    public async Task Slow_response_is_delayed_then_served_normally()
    {
        var (sim, nemo) = await RawNemo.StartAsync();
        await using var _ = sim;
        using var __ = nemo;
        await nemo.AcquireTokenAsync();
        sim.Faults.Add(Fault.On(SimulatorEndpoint.Credits).Slow(TimeSpan.FromSeconds(20)).Once());
        var before = sim.Clock.GetUtcNow();

        var (response, body) = await nemo.CallAsync(HttpMethod.Get, "api/credits/balance/simple");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (int)body!["code"]!);
        Assert.True(sim.Clock.GetUtcNow() - before >= TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Response_lost_serves_the_request_then_resets_the_connection()
    {
        var (sim, nemo) = await RawNemo.StartAsync();
        await using var _ = sim;
        using var __ = nemo;
        var (session, draft) = await nemo.DraftedSessionAsync();
        sim.Faults.Add(Fault.On(SimulatorEndpoint.RenderStart).ResponseLost().Once());

        await Assert.ThrowsAsync<HttpRequestException>(() => nemo.CallAsync(HttpMethod.Post, "api/render/proxy/lambda", RawNemo.RenderBody("render_11", session, draft)));
        var (status, body) = await nemo.CallAsync(HttpMethod.Get, "api/render/proxy/lambda/render_11");
        var (_, duplicate) = await nemo.CallAsync(HttpMethod.Post, "api/render/proxy/lambda", RawNemo.RenderBody("render_11", session, draft));

        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Equal("render_11", (string?)body!["data"]!["id"]);
        Assert.False((bool)duplicate!["success"]!);
        var start = sim.Journal.Entries.First(e => e.Endpoint == SimulatorEndpoint.RenderStart);
        Assert.True(start.Aborted);
        Assert.Equal(FaultKind.ResponseLost, start.Fault);
        Assert.Single(sim.Renders);
    }

    [Fact]
    public async Task Late_response_takes_effect_at_once_and_answers_after_the_delay()
    {
        var (sim, nemo) = await RawNemo.StartAsync();
        await using var _ = sim;
        using var __ = nemo;
        var (session, draft) = await nemo.DraftedSessionAsync();
        sim.Faults.Add(Fault.On(SimulatorEndpoint.RenderStart).LateResponse(TimeSpan.FromSeconds(30)).Once());
        var before = sim.Clock.GetUtcNow();

        var call = nemo.CallAsync(HttpMethod.Post, "api/render/proxy/lambda", RawNemo.RenderBody("render_12", session, draft));
        await RawNemo.WaitForAsync(() => Task.FromResult(sim.Renders.Count > 0 ? (object?)true : null));
        var startedBeforeTheAnswer = !call.IsCompleted;
        var (response, body) = await call;

        Assert.True(startedBeforeTheAnswer);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("render_12", (string?)body!["data"]!["id"]);
        Assert.True(sim.Clock.GetUtcNow() - before >= TimeSpan.FromSeconds(30));
        Assert.Equal(200, sim.Journal.Entries.First(e => e.Endpoint == SimulatorEndpoint.RenderStart).StatusCode);
    }

    [Fact]
    public async Task Token_expired_after_3_calls_really_expires_the_token()
    {
        var (sim, nemo) = await RawNemo.StartAsync();
        await using var _ = sim;
        using var __ = nemo;
        await nemo.AcquireTokenAsync();
        sim.Faults.Add(Fault.On(SimulatorEndpoint.Credits).TokenExpired().AfterCalls(3).Once());

        var codes = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            codes.Add((int)(await nemo.CreditsAsync())["code"]!);
        }

        await nemo.AcquireTokenAsync();
        var renewed = (int)(await nemo.CreditsAsync())["code"]!;

        Assert.Equal([0, 0, 0, 1001, 1001], codes);
        Assert.Equal(0, renewed);
    }

    [Fact]
    public async Task Session_lost_fault_loses_the_session_named_in_the_body()
    {
        var (sim, nemo) = await RawNemo.StartAsync();
        await using var _ = sim;
        using var __ = nemo;
        var session = await nemo.ReadySessionAsync();
        sim.Faults.Add(Fault.On(SimulatorEndpoint.RunSse).SessionLost().Once());

        var (_, body) = await nemo.CallAsync(HttpMethod.Post, "run_sse", RawNemo.PromptBody(session, "animate this image with a slow zoom"));
        var state = await nemo.StateAsync(session);

        Assert.Equal(1002, (int)body!["code"]!);
        Assert.Equal(1002, (int)state["code"]!);
    }

    public static TheoryData<FaultKind, int> NemoCodeFaults => new()
    {
        { FaultKind.TokenExpired, 1001 },
        { FaultKind.SessionLost, 1002 },
        { FaultKind.OutOfCredits, 2001 },
        { FaultKind.UnsupportedType, 4001 },
        { FaultKind.TooLarge, 4002 },
    };

    [Theory]
    [MemberData(nameof(NemoCodeFaults))]
    public async Task Nemo_codes_in_each_error_style(FaultKind kind, int code)
    {
        var (sim, nemo) = await RawNemo.StartAsync();
        await using var _ = sim;
        using var __ = nemo;
        var session = await nemo.ReadySessionAsync();
        var results = new List<(HttpStatusCode Status, string? MediaType, JsonNode? Body)>();
        foreach (var style in new[] { ErrorStyle.Http200Envelope, ErrorStyle.HttpStatusEnvelope, ErrorStyle.NonJsonBody })
        {
            sim.Faults.Clear();
            sim.Faults.Add(FaultOf(kind).As(style));
            var (response, body) = await nemo.UploadAsync(session, "a.png", TestImages.Png(4, 4));
            results.Add((response.StatusCode, response.Content.Headers.ContentType?.MediaType, body));
            await nemo.AcquireTokenAsync();
        }

        Assert.Equal(HttpStatusCode.OK, results[0].Status);
        Assert.Equal(code, (int)results[0].Body!["code"]!);
        Assert.True((int)results[1].Status >= 400);
        Assert.Equal(code, (int)results[1].Body!["code"]!);
        Assert.Equal(results[1].Status, results[2].Status);
        Assert.Null(results[2].Body);
        Assert.Equal("text/plain", results[2].MediaType);
    }

    [Fact]
    public async Task Server_error_as_http_200_envelope_and_as_html()
    {
        var (sim, nemo) = await RawNemo.StartAsync();
        await using var _ = sim;
        using var __ = nemo;
        await nemo.AcquireTokenAsync();
        sim.Faults.Add(Fault.On(SimulatorEndpoint.Credits).ServerError(502).As(ErrorStyle.Http200Envelope).Once());
        sim.Faults.Add(Fault.On(SimulatorEndpoint.Credits).ServerError(502).As(ErrorStyle.NonJsonBody).AfterCalls(1).Once());

        var wrapped = await nemo.CallAsync(HttpMethod.Get, "api/credits/balance/simple");
        using var html = await nemo.SendAsync(HttpMethod.Get, "api/credits/balance/simple");

        Assert.Equal(HttpStatusCode.OK, wrapped.Response.StatusCode);
        Assert.Equal(502, (int)wrapped.Body!["code"]!);
        Assert.Equal(HttpStatusCode.BadGateway, html.StatusCode);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Render_endpoints_use_the_success_envelope_for_faults()
    {
        var (sim, nemo) = await RawNemo.StartAsync();
        await using var _ = sim;
        using var __ = nemo;
        var (session, draft) = await nemo.DraftedSessionAsync();
        sim.Faults.Add(Fault.On(SimulatorEndpoint.RenderStart).TokenExpired().Once());

        var (response, body) = await nemo.CallAsync(HttpMethod.Post, "api/render/proxy/lambda", RawNemo.RenderBody("render_1", session, draft));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((bool)body!["success"]!);
        Assert.NotNull(body["error"]);
    }

    [Fact]
    public async Task Payment_required_fault_is_402()
    {
        var (sim, nemo) = await RawNemo.StartAsync();
        await using var _ = sim;
        using var __ = nemo;
        var (session, draft) = await nemo.DraftedSessionAsync();
        sim.Faults.Add(Fault.On(SimulatorEndpoint.RenderStart).PaymentRequired());

        var (response, _) = await nemo.CallAsync(HttpMethod.Post, "api/render/proxy/lambda", RawNemo.RenderBody("render_1", session, draft));

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
    }

    [Theory]
    [InlineData(SimulatorEndpoint.RenderStart)]
    [InlineData(SimulatorEndpoint.RenderStatus)]
    public async Task Render_failed_fault_ends_the_render_failed(SimulatorEndpoint endpoint)
    {
        var (sim, nemo) = await RawNemo.StartAsync();
        await using var _ = sim;
        using var __ = nemo;
        var (session, draft) = await nemo.DraftedSessionAsync();
        sim.Faults.Add(Fault.On(endpoint).RenderFailed("GPU on fire").Once());

        await nemo.CallAsync(HttpMethod.Post, "api/render/proxy/lambda", RawNemo.RenderBody("render_7", session, draft));
        var final = await RawNemo.WaitForAsync(async () =>
            (await nemo.CallAsync(HttpMethod.Get, "api/render/proxy/lambda/render_7")).Body!["data"] is var d && (string)d!["status"]! is "failed" or "completed" ? d : null);

        Assert.Equal("failed", (string)final["status"]!);
        Assert.Equal("GPU on fire", (string)final["error"]!);
        Assert.Null(final["outputUrl"]);
    }

    [Theory]
    [InlineData(SimulatorEndpoint.OutputFile)]
    [InlineData(SimulatorEndpoint.RenderDownload)]
    public async Task Truncated_download_announces_the_full_length_and_aborts(SimulatorEndpoint endpoint)
    {
        var (sim, nemo) = await RawNemo.StartAsync();
        await using var _ = sim;
        using var __ = nemo;
        var (session, draft) = await nemo.DraftedSessionAsync();
        await nemo.CallAsync(HttpMethod.Post, "api/render/proxy/lambda", RawNemo.RenderBody("render_8", session, draft));
        await RawNemo.WaitForAsync(async () => (string)(await nemo.CallAsync(HttpMethod.Get, "api/render/proxy/lambda/render_8")).Body!["data"]!["status"]! == "completed" ? "done" : null);
        sim.Faults.Add(Fault.On(endpoint).TruncatedDownload(0.5).Once());
        var path = endpoint == SimulatorEndpoint.OutputFile ? "cdn/renders/render_8.mp4" : "api/render/proxy/render_8/download";

        using var response = await nemo.SendAsync(HttpMethod.Get, path, completion: HttpCompletionOption.ResponseHeadersRead);
        var announced = response.Content.Headers.ContentLength;
        await using var body = await response.Content.ReadAsStreamAsync();
        var received = 0L;
        var buffer = new byte[4096];
        var error = await Record.ExceptionAsync(async () =>
        {
            int n;
            while ((n = await body.ReadAsync(buffer)) > 0)
            {
                received += n;
            }
        });

        Assert.NotNull(error);
        Assert.True(announced > received, $"announced {announced}, received {received}");
    }

    [Fact]
    public async Task Probabilistic_faults_are_reproducible_by_seed()
    {
        static async Task<string> PatternAsync(int seed)
        {
            var (sim, nemo) = await RawNemo.StartAsync(o => o.Seed = seed);
            await using var _ = sim;
            using var __ = nemo;
            await nemo.AcquireTokenAsync();
            sim.Faults.Add(Fault.On(SimulatorEndpoint.Credits).ServerError().WithProbability(0.4));
            var pattern = string.Empty;
            for (var i = 0; i < 30; i++)
            {
                pattern += (await nemo.CallAsync(HttpMethod.Get, "api/credits/balance/simple")).Response.IsSuccessStatusCode ? "." : "X";
            }

            return pattern;
        }

        var first = await PatternAsync(3);
        var again = await PatternAsync(3);
        var other = await PatternAsync(4);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.InRange(first.Count(c => c == 'X'), 3, 25);
    }

    [Fact]
    public async Task Faults_from_configuration_apply_in_the_standalone_app()
    {
        await using var app = SimulatorApplication.Create(
        [
            "--urls", "http://127.0.0.1:0",
            "--Simulator:TimeScale=0.001",
            "--Simulator:Faults:0:Endpoint=AnonymousToken",
            "--Simulator:Faults:0:Kind=ServerError",
            "--Simulator:Faults:0:StatusCode=504",
            "--Simulator:Faults:0:Times=1",
        ]);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/anonymous-token");
        request.Headers.Add("X-Client-Id", "c");
        using var again = new HttpRequestMessage(HttpMethod.Post, "/api/auth/anonymous-token");
        again.Headers.Add("X-Client-Id", "c");

        using var first = await http.SendAsync(request);
        using var second = await http.SendAsync(again);
        await app.StopAsync();

        Assert.Equal(HttpStatusCode.GatewayTimeout, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    private static Fault FaultOf(FaultKind kind)
    {
        var fault = Fault.On(SimulatorEndpoint.Upload).Once();
        return kind switch
        {
            FaultKind.TokenExpired => fault.TokenExpired(),
            FaultKind.SessionLost => fault.NemoError(1002, "Session not found"),
            FaultKind.OutOfCredits => fault.OutOfCredits(),
            FaultKind.UnsupportedType => fault.UnsupportedType(),
            _ => fault.TooLarge(),
        };
    }
}
