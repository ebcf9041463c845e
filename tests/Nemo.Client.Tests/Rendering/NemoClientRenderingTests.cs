using System.Net;
using Nemo.Client.Tests.Testing;

namespace Nemo.Client.Tests.Rendering;

public sealed class NemoClientRenderingTests
{
    private const string DraftJson =
        """{"id":"draft_1","d":10000,"custom":{"keep":true},"t":[{"tt":0,"sg":[{"n":"clip","st":0,"d":10000,"src":"https://x/a.jpg"}]}]}""";

    [Fact]
    public async Task StartRender_posts_the_documented_body_with_the_draft_as_it_came()
    {
        var test = new TestClient();
        test.Handler.Respond(HttpStatusCode.OK, """{"success":true,"data":{"id":"render_1748779200000","status":"pending","progress":5}}""");

        var operation = await test.Client.StartRenderAsync("7300", NemoDraft.FromJson(DraftJson));

        var request = Assert.Single(test.Handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/api/render/proxy/lambda", request.PathAndQuery);
        var body = request.BodyJson;
        var expectedId = "render_" + test.Time.GetUtcNow().ToUnixTimeMilliseconds();
        Assert.Equal(expectedId, body.GetProperty("id").GetString());
        Assert.Equal("7300", body.GetProperty("sessionId").GetString());
        Assert.True(body.GetProperty("draft").GetProperty("custom").GetProperty("keep").GetBoolean());
        Assert.Equal("draft_1", body.GetProperty("draft").GetProperty("id").GetString());
        Assert.Equal("mp4", body.GetProperty("output").GetProperty("format").GetString());
        Assert.Equal("high", body.GetProperty("output").GetProperty("quality").GetString());
        Assert.Equal("image-to-video-best", request.Header("X-Skill-Source"));

        Assert.Equal("render_1748779200000", operation.Id);
        Assert.Equal(RenderState.Pending, operation.LastStatus.State);
        Assert.Equal(5, operation.LastStatus.Progress);
        Assert.False(operation.HasCompleted);
    }

    [Fact]
    public async Task A_duplicate_id_is_retried_with_a_fresh_id_even_in_the_same_millisecond()
    {
        var test = new TestClient();
        test.Handler.Respond(HttpStatusCode.OK, """{"success":false,"error":"Duplicate render id"}""")
            .Respond(HttpStatusCode.OK, """{"success":true,"data":{"status":"pending"}}""");

        var operation = await test.Client.StartRenderAsync("1", NemoDraft.FromJson(DraftJson), new RenderOutput("mp4", "medium"));

        var ids = test.Handler.Requests.Select(r => r.BodyJson.GetProperty("id").GetString()).ToArray();
        Assert.Equal(2, ids.Length);
        Assert.NotEqual(ids[0], ids[1]);
        Assert.Equal(ids[1], operation.Id);
        Assert.Equal("medium", test.Handler.Requests[1].BodyJson.GetProperty("output").GetProperty("quality").GetString());
        Assert.Empty(test.Time.ScheduledDelays);
    }

    [Fact]
    public async Task Render_ids_increase_across_calls_in_the_same_millisecond()
    {
        var test = new TestClient();
        test.Handler.Respond(HttpStatusCode.OK, """{"success":true,"data":{"status":"pending"}}""")
            .Respond(HttpStatusCode.OK, """{"success":true,"data":{"status":"pending"}}""");

        var a = await test.Client.StartRenderAsync("1", NemoDraft.FromJson(DraftJson));
        var b = await test.Client.WithProfile(NemoProfiles.Ezgif).StartRenderAsync("1", NemoDraft.FromJson(DraftJson));

        Assert.NotEqual(a.Id, b.Id);
    }

    [Fact]
    public async Task A_transient_failure_is_retried_with_a_fresh_id()
    {
        var test = new TestClient();
        test.Handler.Respond(HttpStatusCode.BadGateway, "bad gateway", "text/plain")
            .Respond(HttpStatusCode.OK, """{"success":true,"data":{"status":"pending"}}""");

        await test.RunAsync(test.Client.StartRenderAsync("1", NemoDraft.FromJson(DraftJson)));

        var ids = test.Handler.Requests.Select(r => r.BodyJson.GetProperty("id").GetString()).ToArray();
        Assert.Equal(2, ids.Length);
        Assert.NotEqual(ids[0], ids[1]);
    }

    [Fact]
    public async Task A_chosen_id_is_posted_as_is_and_kept_across_transient_retries()
    {
        var test = new TestClient();
        test.Handler.Respond(HttpStatusCode.BadGateway, "bad gateway", "text/plain")
            .Respond(HttpStatusCode.OK, """{"success":true,"data":{"id":"render_42","status":"pending","progress":5}}""");

        var operation = await test.RunAsync(test.Client.StartRenderAsync("1", NemoDraft.FromJson(DraftJson), renderId: "render_42"));

        Assert.Equal(["render_42", "render_42"], test.Handler.Requests.Select(r => r.BodyJson.GetProperty("id").GetString()));
        Assert.Equal("render_42", operation.Id);
    }

    [Fact]
    public async Task A_duplicate_after_a_failed_attempt_means_that_attempt_started_the_render()
    {
        var test = new TestClient();
        test.Handler.Respond(HttpStatusCode.BadGateway, "bad gateway", "text/plain")
            .Respond(HttpStatusCode.OK, """{"success":false,"error":"Duplicate render id"}""")
            .Respond(HttpStatusCode.OK, """{"success":true,"data":{"id":"render_43","status":"processing","progress":30}}""");

        var operation = await test.RunAsync(test.Client.StartRenderAsync("1", NemoDraft.FromJson(DraftJson), renderId: "render_43"));

        Assert.Equal(3, test.Handler.Requests.Count);
        Assert.Equal(HttpMethod.Get, test.Handler.Requests[2].Method);
        Assert.Equal("/api/render/proxy/lambda/render_43", test.Handler.Requests[2].PathAndQuery);
        Assert.Equal(RenderState.Processing, operation.LastStatus.State);
        Assert.Equal(30, operation.LastStatus.Progress);
    }

    [Fact]
    public async Task A_duplicate_on_the_first_attempt_of_a_chosen_id_is_the_callers_to_handle()
    {
        var test = new TestClient();
        test.Handler.Respond(HttpStatusCode.OK, """{"success":false,"error":"Duplicate render id"}""");

        var error = await Assert.ThrowsAsync<DuplicateRenderIdException>(() =>
            test.Client.StartRenderAsync("1", NemoDraft.FromJson(DraftJson), renderId: "render_44"));

        Assert.Single(test.Handler.Requests);
        Assert.Equal("POST /api/render/proxy/lambda", error.Operation);
    }

    [Fact]
    public async Task Http_402_on_export_is_terminal_and_not_about_credits()
    {
        var test = new TestClient();
        test.Handler.Respond(HttpStatusCode.PaymentRequired, """{"success":false,"error":"payment required"}""");

        var error = await Assert.ThrowsAsync<NemoApiException>(() => test.Client.StartRenderAsync("1", NemoDraft.FromJson(DraftJson)));

        Assert.Equal(NemoErrorKind.Terminal, error.Kind);
        Assert.Contains("not a credits problem", error.Message, StringComparison.Ordinal);
        Assert.Single(test.Handler.Requests);
    }

    [Theory]
    [InlineData("""{"success":true,"data":{"id":"r","status":"completed","progress":100,"outputUrl":"https://cdn.x/1.mp4"}}""", "https://cdn.x/1.mp4")]
    [InlineData("""{"success":true,"data":{"id":"r","status":"completed","output":{"url":"https://cdn.x/2.mp4"}}}""", "https://cdn.x/2.mp4")]
    [InlineData("""{"success":true,"status":"completed","outputUrl":"https://cdn.x/3.mp4","data":{"id":"r"}}""", "https://cdn.x/3.mp4")]
    [InlineData("""{"success":true,"status":"completed","output":{"url":"https://cdn.x/4.mp4"}}""", "https://cdn.x/4.mp4")]
    [InlineData("""{"success":true,"data":{"status":"completed","outputUrl":"https://cdn.x/first.mp4"},"outputUrl":"https://cdn.x/second.mp4"}""", "https://cdn.x/first.mp4")]
    public async Task GetRenderStatus_reads_the_output_url_from_every_documented_place(string body, string expectedUrl)
    {
        var test = new TestClient();
        test.Handler.Respond(HttpStatusCode.OK, body);

        var status = await test.Client.GetRenderStatusAsync("r");

        Assert.Equal(RenderState.Completed, status.State);
        Assert.Equal(new Uri(expectedUrl), status.OutputUrl);
        Assert.True(status.IsFinal);
        Assert.Equal("/api/render/proxy/lambda/r", test.Handler.Requests[0].PathAndQuery);
    }

    [Theory]
    [InlineData("""{"success":true,"data":{"status":"processing","progress":40}}""", RenderState.Processing, 40)]
    [InlineData("""{"success":true,"status":"processing","progress":"55"}""", RenderState.Processing, 55)]
    [InlineData("""{"success":true,"data":{"status":"pending"},"status":"completed"}""", RenderState.Pending, null)]
    [InlineData("""{"success":true,"data":{"status":"failed","error":"codec"}}""", RenderState.Failed, null)]
    [InlineData("""{"success":true,"data":{"status":"cancelled"}}""", RenderState.Cancelled, null)]
    [InlineData("""{"success":true,"data":{"status":"warming-up"}}""", RenderState.Unknown, null)]
    public async Task GetRenderStatus_reads_the_status_from_data_then_root(string body, RenderState state, int? progress)
    {
        var test = new TestClient();
        test.Handler.Respond(HttpStatusCode.OK, body);

        var status = await test.Client.GetRenderStatusAsync("render_9");

        Assert.Equal(state, status.State);
        Assert.Equal(progress, status.Progress);
        Assert.Equal("render_9", status.Id);
    }

    [Fact]
    public async Task A_failed_render_carries_the_reason()
    {
        var test = new TestClient();
        test.Handler.Respond(HttpStatusCode.OK, """{"success":true,"data":{"status":"failed","error":"codec exploded"}}""");

        var status = await test.Client.GetRenderStatusAsync("r");

        Assert.Equal("codec exploded", status.Error);
    }

    [Fact]
    public async Task A_relative_output_url_is_resolved_against_the_nemo_address()
    {
        var test = new TestClient();
        test.Handler.Respond(HttpStatusCode.OK, """{"success":true,"data":{"status":"completed","outputUrl":"/files/r.mp4"}}""");

        var status = await test.Client.GetRenderStatusAsync("r");

        Assert.Equal(new Uri("https://nemo.test/files/r.mp4"), status.OutputUrl);
    }

    [Fact]
    public async Task CancelRender_posts_to_the_cancel_endpoint()
    {
        var test = new TestClient();
        test.Handler.Respond(HttpStatusCode.OK, """{"success":true,"data":{"status":"cancelled"}}""");

        await test.Client.CancelRenderAsync("render_5");

        var request = Assert.Single(test.Handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/api/render/proxy/lambda/render_5/cancel", request.PathAndQuery);
    }
}
