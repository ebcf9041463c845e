using System.Net;
using Nemo.Client.Tests.Testing;

namespace Nemo.Client.Tests.Rendering;

public sealed class NemoClientDownloadTests
{
    private static readonly byte[] Video = Enumerable.Range(0, 100_000).Select(i => (byte)i).ToArray();

    private static RenderStatus Completed(string? url) =>
        new("render_1", RenderState.Completed, 100, url is null ? null : new Uri(url), null);

    private static HttpResponseMessage Mp4(byte[] bytes, long? contentLength = null)
    {
        var content = new StreamContent(new NonSeekableStream(bytes));
        content.Headers.ContentType = new("video/mp4");
        content.Headers.ContentLength = contentLength ?? bytes.Length;
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    [Fact]
    public async Task Streams_the_output_url_without_credentials_to_a_foreign_host()
    {
        var test = new TestClient();
        test.Handler.Respond(_ => Mp4(Video));
        using var destination = new MemoryStream();

        var written = await test.Client.DownloadRenderAsync(Completed("https://cdn.example/out/render_1.mp4?sig=abc"), destination);

        Assert.Equal(Video.Length, written);
        Assert.Equal(Video, destination.ToArray());
        var request = Assert.Single(test.Handler.Requests);
        Assert.Equal("https://cdn.example/out/render_1.mp4?sig=abc", request.Uri.ToString());
        Assert.Null(request.Header("Authorization"));
        Assert.Null(request.Header("X-Skill-Source"));
    }

    [Fact]
    public async Task An_output_url_on_the_nemo_host_gets_the_bearer_token()
    {
        var test = new TestClient();
        test.Handler.Respond(_ => Mp4(Video));
        using var destination = new MemoryStream();

        await test.Client.DownloadRenderAsync(Completed("https://nemo.test/files/render_1.mp4"), destination);

        Assert.Equal($"Bearer {TestClient.Token}", test.Handler.Requests[0].Header("Authorization"));
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.Forbidden)]
    public async Task A_missing_or_forbidden_output_url_falls_back_to_the_download_endpoint(HttpStatusCode status)
    {
        var test = new TestClient();
        test.Handler.Respond(status, "<Error>expired</Error>", "application/xml").Respond(_ => Mp4(Video));
        using var destination = new MemoryStream();

        var written = await test.Client.DownloadRenderAsync(Completed("https://cdn.example/x.mp4"), destination);

        Assert.Equal(Video.Length, written);
        var fallback = test.Handler.Requests[1];
        Assert.Equal("https://nemo.test/api/render/proxy/render_1/download", fallback.Uri.ToString());
        Assert.Equal($"Bearer {TestClient.Token}", fallback.Header("Authorization"));
        Assert.Equal("image-to-video-best", fallback.Header("X-Skill-Source"));
        Assert.Null(test.Handler.Requests[0].Header("Authorization"));
    }

    [Fact]
    public async Task Without_an_output_url_the_download_endpoint_is_used()
    {
        var test = new TestClient();
        test.Handler.Respond(_ => Mp4(Video));
        using var destination = new MemoryStream();

        await test.Client.DownloadRenderAsync(Completed(null), destination);

        Assert.Equal("/api/render/proxy/render_1/download", Assert.Single(test.Handler.Requests).PathAndQuery);
    }

    [Fact]
    public async Task Fewer_bytes_than_content_length_is_a_transient_error_not_a_short_file()
    {
        var test = new TestClient();
        test.Handler.Respond(_ => Mp4(Video[..1000], contentLength: Video.Length));
        using var destination = new MemoryStream();

        var error = await Assert.ThrowsAsync<NemoApiException>(() => test.Client.DownloadRenderAsync(Completed("https://cdn.example/x.mp4"), destination));

        Assert.Equal(NemoErrorKind.Transient, error.Kind);
        Assert.Contains("cut off after 1000 of 100000 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_closing_early_is_a_transient_error()
    {
        var test = new TestClient();
        test.Handler.Respond(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new BreakingStream(5000)) });
        using var destination = new MemoryStream();

        var error = await Assert.ThrowsAsync<NemoApiException>(() => test.Client.DownloadRenderAsync(Completed(null), destination));

        Assert.Equal(NemoErrorKind.Transient, error.Kind);
        Assert.IsType<IOException>(error.InnerException);
        Assert.Contains("cut off after 5000 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_destination_is_not_reported_as_truncation()
    {
        var test = new TestClient();
        test.Handler.Respond(_ => Mp4(Video));

        await Assert.ThrowsAsync<IOException>(() => test.Client.DownloadRenderAsync(Completed(null), new FailingDestination()));
    }

    [Fact]
    public async Task A_server_error_before_the_body_is_retried()
    {
        var test = new TestClient();
        test.Handler.Respond(HttpStatusCode.ServiceUnavailable, "busy", "text/plain").Respond(_ => Mp4(Video));
        using var destination = new MemoryStream();

        var written = await test.RunAsync(test.Client.DownloadRenderAsync(Completed("https://cdn.example/x.mp4"), destination));

        Assert.Equal(Video.Length, written);
        Assert.Equal(Video.Length, destination.Length);
    }

    [Fact]
    public async Task A_missing_fallback_is_a_terminal_error()
    {
        var test = new TestClient();
        test.Handler.Respond(HttpStatusCode.NotFound, """{"success":false,"error":"no output"}""");

        var error = await Assert.ThrowsAsync<NemoApiException>(() => test.Client.DownloadRenderAsync(Completed(null), new MemoryStream()));

        Assert.Equal(NemoErrorKind.Terminal, error.Kind);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Download_by_id_reads_the_status_first()
    {
        var test = new TestClient();
        test.Handler.Respond(HttpStatusCode.OK, """{"success":true,"data":{"status":"completed","output":{"url":"https://cdn.example/y.mp4"}}}""")
            .Respond(_ => Mp4(Video));
        using var destination = new MemoryStream();

        var written = await test.Client.DownloadRenderAsync("render_1", destination);

        Assert.Equal(Video.Length, written);
        Assert.Equal("https://cdn.example/y.mp4", test.Handler.Requests[1].Uri.ToString());
    }

    [Fact]
    public async Task RenderOperation_DownloadAsync_downloads_the_completed_render()
    {
        var test = new TestClient();
        test.Handler.Respond(HttpStatusCode.OK, """{"success":true,"data":{"status":"completed","outputUrl":"https://cdn.example/z.mp4"}}""")
            .Respond(_ => Mp4(Video));
        var operation = test.Client.GetRenderOperation("render_1");
        await operation.UpdateStatusAsync();
        using var destination = new MemoryStream();

        Assert.Equal(Video.Length, await operation.DownloadAsync(destination));
    }

    private sealed class BreakingStream(int bytesBeforeBreak) : ReadOnlyTestStream
    {
        private int _sent;

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_sent >= bytesBeforeBreak)
            {
                throw new IOException("The response ended prematurely.");
            }

            var n = Math.Min(count, bytesBeforeBreak - _sent);
            _sent += n;
            return n;
        }

    }

    private sealed class FailingDestination : MemoryStream
    {
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromException(new IOException("disk full"));

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromException(new IOException("disk full"));
    }
}
