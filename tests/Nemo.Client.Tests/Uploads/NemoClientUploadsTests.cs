using System.Net;
using System.Text;
using Nemo.Client.Tests.Testing;

namespace Nemo.Client.Tests.Uploads;

public sealed class NemoClientUploadsTests
{
    private const string UploadData =
        """{"files":[{"filename":"a.jpg","file_type":"image","cdn_url":"https://cdn.example/a.jpg","width":1920,"height":1080,"hash":"h1","unknown":1},{"filename":"b.mp4","file_type":"video","cdn_url":"https://cdn.example/b.mp4","duration":4.5,"fps":30}],"session_state_applied":true}""";

    [Fact]
    public async Task Upload_streams_a_non_seekable_stream_as_one_files_part_per_file()
    {
        var test = new TestClient();
        test.Handler.RespondData(UploadData);
        using var first = new NonSeekableStream(Encoding.ASCII.GetBytes("JPEGDATA"));
        using var second = new NonSeekableStream(Encoding.ASCII.GetBytes("MP4DATA"));

        var result = await test.Client.UploadAsync("7300", [new UploadFile("a.jpg", first), new UploadFile("b.mp4", second, "video/mp4")]);

        var request = Assert.Single(test.Handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/api/upload-video/nemo_agent/me/7300", request.PathAndQuery);
        Assert.StartsWith("multipart/form-data", request.ContentType, StringComparison.Ordinal);
        Assert.Null(request.Header("Content-Length"));

        var body = request.BodyText;
        Assert.Contains("Content-Disposition: form-data; name=\"files\"; filename=\"a.jpg\"", body, StringComparison.Ordinal);
        Assert.Contains("Content-Disposition: form-data; name=\"files\"; filename=\"b.mp4\"", body, StringComparison.Ordinal);
        Assert.Contains("Content-Type: image/jpeg", body, StringComparison.Ordinal);
        Assert.Contains("Content-Type: video/mp4", body, StringComparison.Ordinal);
        Assert.Contains("JPEGDATA", body, StringComparison.Ordinal);
        Assert.Contains("MP4DATA", body, StringComparison.Ordinal);
        Assert.False(first.Disposed);

        Assert.True(result.SessionStateApplied);
        Assert.Equal(2, result.Files.Count);
        Assert.Equal(new UploadedFile("a.jpg", "image", new Uri("https://cdn.example/a.jpg"), null, 1920, 1080, null, "h1"), result.Files[0]);
        Assert.Equal(4.5, result.Files[1].Duration);
        Assert.Equal(30, result.Files[1].Fps);
    }

    [Fact]
    public async Task A_non_seekable_upload_is_not_retried()
    {
        var test = new TestClient();
        test.Handler.Respond(HttpStatusCode.ServiceUnavailable, "busy", "text/plain");
        using var stream = new NonSeekableStream([1, 2, 3]);

        var error = await Assert.ThrowsAsync<NemoApiException>(() => test.Client.UploadAsync("1", [new UploadFile("a.png", stream)]));

        Assert.Equal(NemoErrorKind.Transient, error.Kind);
        Assert.Single(test.Handler.Requests);
    }

    [Fact]
    public async Task A_seekable_upload_is_retried_from_where_the_stream_started()
    {
        var test = new TestClient();
        test.Handler.Respond(HttpStatusCode.ServiceUnavailable, "busy", "text/plain").RespondData(UploadData);
        using var stream = new MemoryStream(Encoding.ASCII.GetBytes("skipPAYLOAD"));
        stream.Position = 4;

        await test.RunAsync(test.Client.UploadAsync("1", [new UploadFile("a.png", stream)]));

        Assert.Equal(2, test.Handler.Requests.Count);
        Assert.All(test.Handler.Requests, r =>
        {
            Assert.Contains("PAYLOAD", r.BodyText, StringComparison.Ordinal);
            Assert.DoesNotContain("skip", r.BodyText, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task UploadFromUrls_posts_the_url_body()
    {
        var test = new TestClient();
        test.Handler.RespondData(UploadData);

        var result = await test.Client.UploadFromUrlsAsync("42", [new Uri("https://blob.example/in/a.jpg?sv=1&sig=x")]);

        var request = Assert.Single(test.Handler.Requests);
        Assert.Equal("/api/upload-video/nemo_agent/me/42", request.PathAndQuery);
        Assert.Equal("url", request.BodyJson.GetProperty("source_type").GetString());
        Assert.Equal("https://blob.example/in/a.jpg?sv=1&sig=x", request.BodyJson.GetProperty("urls")[0].GetString());
        Assert.Equal(2, result.Files.Count);
    }

    [Fact]
    public async Task Upload_errors_quote_the_profile()
    {
        var test = new TestClient(o => o.Profile = "motion-control");
        test.Handler.Respond(HttpStatusCode.OK, Responses.Error(4002, "file too large"));
        using var stream = new MemoryStream([1]);

        var error = await Assert.ThrowsAsync<NemoApiException>(() => test.Client.UploadAsync("1", [new UploadFile("a.png", stream)]));

        Assert.Equal(4002, error.NemoCode);
        Assert.Contains("50 MB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_requires_files()
    {
        var test = new TestClient();
        await Assert.ThrowsAsync<ArgumentException>(() => test.Client.UploadAsync("1", []));
        await Assert.ThrowsAsync<ArgumentException>(() => test.Client.UploadFromUrlsAsync("1", [new Uri("/relative", UriKind.Relative)]));
    }

    [Fact]
    public async Task A_200_MB_non_seekable_upload_streams_through_without_buffering()
    {
        const long Size = 200L * 1024 * 1024;
        using var source = new GeneratedStream(Size);
        var handler = new CountingHandler(() => source.Produced);
        var options = TestClient.DefaultOptions();
        var client = new NemoClient(new HttpClient(handler), options, new ConfiguredNemoTokenSource("t"), new FakeTimeProvider());

        var result = await client.UploadAsync("1", [new UploadFile("big.jpg", source)]);

        Assert.Single(result.Files);
        Assert.True(handler.BodyBytes > Size, $"sent {handler.BodyBytes} bytes");
        Assert.True(handler.BodyBytes < Size + 1024);
        Assert.Equal(Size, source.Produced);
        Assert.Null(handler.ContentLength);
        // Streaming, not buffering: when the handler had read 1 MB, the source had produced little more.
        Assert.InRange(handler.ProducedAfterFirstMegabyte, 1, 2 * 1024 * 1024);
    }

    internal sealed class CountingHandler(Func<long> produced) : HttpMessageHandler
    {
        public long BodyBytes { get; private set; }

        public long? ContentLength { get; private set; }

        public long ProducedAfterFirstMegabyte { get; private set; }

        public void Count(int bytes, Func<long> producedSoFar)
        {
            var before = BodyBytes;
            BodyBytes += bytes;
            if (before < 1024 * 1024 && BodyBytes >= 1024 * 1024)
            {
                ProducedAfterFirstMegabyte = producedSoFar();
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            ContentLength = request.Content!.Headers.ContentLength;
            // What SocketsHttpHandler does: serialize the content into the connection stream.
            await request.Content.CopyToAsync(new CountingSink(this, produced), cancellationToken);

            return Responses.Text(HttpStatusCode.OK, Responses.Envelope("""{"files":[{"filename":"big.jpg","file_type":"image","cdn_url":"https://cdn/x"}]}"""));
        }
    }

    private sealed class CountingSink(CountingHandler owner, Func<long> produced) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer) => owner.Count(buffer.Length, produced);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            owner.Count(buffer.Length, produced);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            owner.Count(count, produced);
            return Task.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
