using System.Net;

namespace Nemo.Simulator.Tests;

public sealed class RenderEndpointsTests
{
    [Fact]
    public async Task Missing_attribution_headers_is_402_on_render_start()
    {
        var (sim, nemo) = await RawNemo.StartAsync();
        await using var _ = sim;
        using var __ = nemo;
        var (session, draft) = await nemo.DraftedSessionAsync();
        nemo.SendAttribution = false;

        var (response, body) = await nemo.CallAsync(HttpMethod.Post, "api/render/proxy/lambda", RawNemo.RenderBody("render_1", session, draft));

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        Assert.False((bool)body!["success"]!);
        Assert.False(sim.Journal.Entries[^1].HasAttributionHeaders);
    }

    [Fact]
    public async Task Other_endpoints_enforce_attribution_only_when_configured()
    {
        var (sim, nemo) = await RawNemo.StartAsync(o => o.RequireAttributionHeadersEverywhere = true);
        await using var _ = sim;
        using var __ = nemo;
        await nemo.AcquireTokenAsync();
        nemo.SendAttribution = false;

        var (response, _) = await nemo.CallAsync(HttpMethod.Get, "api/credits/balance/simple");

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
    }

    [Theory]
    [InlineData(RenderStatusShape.DataOutputUrl)]
    [InlineData(RenderStatusShape.DataOutputObject)]
    [InlineData(RenderStatusShape.TopLevelOutputUrl)]
    [InlineData(RenderStatusShape.TopLevelOutputObject)]
    public async Task Render_moves_from_pending_to_completed_in_each_status_shape(RenderStatusShape shape)
    {
        var (sim, nemo) = await RawNemo.StartAsync(o => o.RenderStatusShape = shape);
        await using var _ = sim;
        using var __ = nemo;
        var (session, draft) = await nemo.DraftedSessionAsync();

        var (_, started) = await nemo.CallAsync(HttpMethod.Post, "api/render/proxy/lambda", RawNemo.RenderBody("render_1743712255000", session, draft));
        var seen = new List<(string Status, int Progress)>();
        var final = await RawNemo.WaitForAsync(async () =>
        {
            var (_, body) = await nemo.CallAsync(HttpMethod.Get, "api/render/proxy/lambda/render_1743712255000");
            var holder = shape is RenderStatusShape.DataOutputUrl or RenderStatusShape.DataOutputObject ? body!["data"]! : body!;
            seen.Add(((string)holder["status"]!, (int)holder["progress"]!));
            return seen[^1].Status == "completed" ? body : null;
        });

        Assert.True((bool)started!["success"]!);
        Assert.Equal("pending", (string)started["data"]!["status"]!);
        Assert.Equal(5, (int)started["data"]!["progress"]!);
        Assert.Equal(seen.Select(s => s.Progress).Order(), seen.Select(s => s.Progress));
        Assert.Equal(100, seen[^1].Progress);
        var url = shape switch
        {
            RenderStatusShape.DataOutputUrl => final["data"]!["outputUrl"],
            RenderStatusShape.DataOutputObject => final["data"]!["output"]!["url"],
            RenderStatusShape.TopLevelOutputUrl => final["outputUrl"],
            _ => final["output"]!["url"],
        };
        Assert.Equal(shape is RenderStatusShape.DataOutputUrl or RenderStatusShape.DataOutputObject, final["data"] is not null);
        Assert.True(final["status"] is null == (final["data"] is not null));
        using var plain = new HttpClient();
        var mp4 = await plain.GetByteArrayAsync((string)url!);
        Assert.True(Mp4.HasFtyp(mp4));
    }

    [Fact]
    public async Task Render_report_records_when_the_render_became_final_and_when_a_poll_first_saw_it()
    {
        var (sim, nemo) = await RawNemo.StartAsync();
        await using var _ = sim;
        using var __ = nemo;
        var (session, draft) = await nemo.DraftedSessionAsync();

        await nemo.CallAsync(HttpMethod.Post, "api/render/proxy/lambda", RawNemo.RenderBody("render_7", session, draft));
        var polls = 0;
        await RawNemo.WaitForAsync(async () =>
        {
            polls++;
            var (_, body) = await nemo.CallAsync(HttpMethod.Get, "api/render/proxy/lambda/render_7");
            return (string)body!["data"]!["status"]! == "completed" ? body : null;
        });
        await nemo.CallAsync(HttpMethod.Get, "api/render/proxy/lambda/render_7");

        var render = Assert.Single(sim.Renders);
        Assert.Equal("render_7", render.Id);
        Assert.Equal(session, render.SessionId);
        Assert.Equal(polls + 1, render.StatusCalls);
        Assert.False(render.Cancelled);
        Assert.NotNull(render.FinalAt);
        Assert.True(render.FinalAt >= render.StartedAt + sim.Options.RenderDurationMin);
        Assert.NotNull(render.FirstReportedFinalAt);
        Assert.True(render.DetectionDelay >= TimeSpan.Zero);
    }

    [Fact]
    public async Task Duplicate_render_id_is_an_error()
    {
        var (sim, nemo) = await RawNemo.StartAsync();
        await using var _ = sim;
        using var __ = nemo;
        var (session, draft) = await nemo.DraftedSessionAsync();

        await nemo.CallAsync(HttpMethod.Post, "api/render/proxy/lambda", RawNemo.RenderBody("render_1", session, draft));
        var (response, body) = await nemo.CallAsync(HttpMethod.Post, "api/render/proxy/lambda", RawNemo.RenderBody("render_1", session, draft));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((bool)body!["success"]!);
        Assert.Contains("new id", (string)body["error"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_without_segments_cannot_be_exported()
    {
        var (sim, nemo) = await RawNemo.StartAsync();
        await using var _ = sim;
        using var __ = nemo;
        var session = await nemo.ReadySessionAsync();
        var empty = await nemo.DraftAsync(session);

        var (_, body) = await nemo.CallAsync(HttpMethod.Post, "api/render/proxy/lambda", RawNemo.RenderBody("render_2", session, empty));

        Assert.False((bool)body!["success"]!);
    }

    [Fact]
    public async Task Cancel_stops_a_running_render()
    {
        var (sim, nemo) = await RawNemo.StartAsync(o => o.RenderDurationMin = o.RenderDurationMax = TimeSpan.FromHours(10));
        await using var _ = sim;
        using var __ = nemo;
        var (session, draft) = await nemo.DraftedSessionAsync();
        await nemo.CallAsync(HttpMethod.Post, "api/render/proxy/lambda", RawNemo.RenderBody("render_3", session, draft));

        var (_, cancelled) = await nemo.CallAsync(HttpMethod.Post, "api/render/proxy/lambda/render_3/cancel");
        var (_, status) = await nemo.CallAsync(HttpMethod.Get, "api/render/proxy/lambda/render_3");
        var (_, again) = await nemo.CallAsync(HttpMethod.Post, "api/render/proxy/lambda/render_3/cancel");

        Assert.True((bool)cancelled!["success"]!);
        Assert.Equal("cancelled", (string)cancelled["data"]!["status"]!);
        Assert.Equal("failed", (string)status!["data"]!["status"]!);
        Assert.False((bool)again!["success"]!);
    }

    [Theory]
    [InlineData(ErrorStyle.HttpStatusEnvelope, HttpStatusCode.Conflict)]
    [InlineData(ErrorStyle.Http200Envelope, HttpStatusCode.OK)]
    public async Task Cancel_of_a_finished_render_is_refused_with_409_and_the_render_stays_completed(ErrorStyle style, HttpStatusCode expected)
    {
        var (sim, nemo) = await RawNemo.StartAsync(o => o.ErrorStyle = style);
        await using var _ = sim;
        using var __ = nemo;
        var (session, draft) = await nemo.DraftedSessionAsync();
        await nemo.CallAsync(HttpMethod.Post, "api/render/proxy/lambda", RawNemo.RenderBody("render_5", session, draft));
        await RawNemo.WaitForAsync(async () => (await nemo.CallAsync(HttpMethod.Get, "api/render/proxy/lambda/render_5")).Body!["data"]!["status"]!.GetValue<string>() == "completed" ? "done" : null);

        var (response, refused) = await nemo.CallAsync(HttpMethod.Post, "api/render/proxy/lambda/render_5/cancel");
        var (_, status) = await nemo.CallAsync(HttpMethod.Get, "api/render/proxy/lambda/render_5");

        Assert.Equal(expected, response.StatusCode);
        Assert.False((bool)refused!["success"]!);
        Assert.Equal(409, (int)refused["code"]!);
        Assert.Contains("already finished", (string)refused["error"]!, StringComparison.Ordinal);
        Assert.Equal("completed", (string)status!["data"]!["status"]!);
        Assert.False(Assert.Single(sim.Renders).Cancelled);
    }

    [Fact]
    public async Task Unknown_render_is_not_found()
    {
        var (sim, nemo) = await RawNemo.StartAsync(o => o.ErrorStyle = ErrorStyle.HttpStatusEnvelope);
        await using var _ = sim;
        using var __ = nemo;
        await nemo.AcquireTokenAsync();

        var (response, body) = await nemo.CallAsync(HttpMethod.Get, "api/render/proxy/lambda/render_404");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False((bool)body!["success"]!);
    }

    [Fact]
    public async Task Download_fallback_needs_the_bearer_and_serves_the_mp4_with_content_length()
    {
        var (sim, nemo) = await RawNemo.StartAsync();
        await using var _ = sim;
        using var __ = nemo;
        var (session, draft) = await nemo.DraftedSessionAsync();
        await nemo.CallAsync(HttpMethod.Post, "api/render/proxy/lambda", RawNemo.RenderBody("render_4", session, draft));
        await RawNemo.WaitForAsync(async () => (await nemo.CallAsync(HttpMethod.Get, "api/render/proxy/lambda/render_4")).Body!["data"]!["status"]!.GetValue<string>() == "completed" ? "done" : null);

        using var response = await nemo.SendAsync(HttpMethod.Get, "api/render/proxy/render_4/download");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        nemo.Token = null;
        var (anonymous, body) = await nemo.CallAsync(HttpMethod.Get, "api/render/proxy/render_4/download");

        Assert.Equal("video/mp4", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        Assert.True(Mp4.HasFtyp(bytes));
        Assert.Equal(1001, (int)body!["code"]!);
    }

    [Fact]
    public async Task Without_ffmpeg_the_bundled_mp4_is_served()
    {
        var (sim, nemo) = await RawNemo.StartAsync(o => o.UseFfmpeg = false);
        await using var _ = sim;
        using var __ = nemo;
        var (session, draft) = await nemo.DraftedSessionAsync();
        await nemo.CallAsync(HttpMethod.Post, "api/render/proxy/lambda", RawNemo.RenderBody("render_5", session, draft));
        await RawNemo.WaitForAsync(async () => (await nemo.CallAsync(HttpMethod.Get, "api/render/proxy/lambda/render_5")).Body!["data"]!["status"]!.GetValue<string>() == "completed" ? "done" : null);

        var bytes = await nemo.Http.GetByteArrayAsync("cdn/renders/render_5.mp4");

        using var bundled = typeof(NemoSimulator).Assembly.GetManifestResourceStream("Nemo.Simulator.fallback.mp4")!;
        Assert.Equal(bundled.Length, bytes.Length);
        Assert.True(bytes.Length < 30 * 1024);
        Assert.True(Mp4.HasFtyp(bytes));
        Assert.False(sim.UsesFfmpeg);
    }

    [Fact]
    public async Task With_ffmpeg_the_output_is_a_real_video_of_the_asked_aspect_ratio()
    {
        if (Mp4.FfprobePath is null)
        {
            return; // ffmpeg not installed here: the bundled-MP4 test covers this machine.
        }

        var (sim, nemo) = await RawNemo.StartAsync(o => o.UseFfmpeg = true);
        await using var _ = sim;
        using var __ = nemo;
        var (session, draft) = await nemo.DraftedSessionAsync("animate this image with a slow zoom-in, vertical 9:16");
        await nemo.CallAsync(HttpMethod.Post, "api/render/proxy/lambda", RawNemo.RenderBody("render_6", session, draft));
        var final = await RawNemo.WaitForAsync(async () => (await nemo.CallAsync(HttpMethod.Get, "api/render/proxy/lambda/render_6")).Body is var b && (string)b!["data"]!["status"]! == "completed" ? b : null, seconds: 120);

        var bytes = await nemo.Http.GetByteArrayAsync((string)final["data"]!["outputUrl"]!);
        var (seconds, width, height, codec) = await Mp4.ProbeAsync(bytes);

        Assert.True(sim.UsesFfmpeg);
        Assert.Equal("h264", codec);
        Assert.Equal((1080, 1920), (width, height));
        Assert.Equal(5000, (int)draft["d"]!);
        Assert.InRange(seconds, 4.95, 5.1);
    }
}
