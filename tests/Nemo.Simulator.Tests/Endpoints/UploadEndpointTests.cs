using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Nemo.Simulator.Tests;

public sealed class UploadEndpointTests
{
    [Fact]
    public async Task Multipart_png_is_stored_and_served_from_its_cdn_url()
    {
        var (sim, nemo) = await RawNemo.StartAsync();
        await using var _ = sim;
        using var __ = nemo;
        await nemo.AcquireTokenAsync();
        var session = await nemo.CreateSessionAsync();
        var png = TestImages.Png(40, 30);

        var (response, body) = await nemo.UploadAsync(session, "photo.png", png);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((bool)body!["data"]!["session_state_applied"]!);
        var file = body["data"]!["files"]![0]!;
        Assert.Equal("photo.png", (string)file["filename"]!);
        Assert.Equal("image", (string)file["file_type"]!);
        Assert.Equal(40, (int)file["width"]!);
        Assert.Equal(30, (int)file["height"]!);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(png)), (string)file["hash"]!);
        var served = await nemo.Http.GetByteArrayAsync((string)file["cdn_url"]!);
        Assert.Equal(png, served);
    }

    [Fact]
    public async Task Several_files_parts_in_one_request()
    {
        var (sim, nemo) = await RawNemo.StartAsync();
        await using var _ = sim;
        using var __ = nemo;
        await nemo.AcquireTokenAsync();
        var session = await nemo.CreateSessionAsync();
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(TestImages.Png(8, 8)), "files", "a.png" },
            { new ByteArrayContent([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, .. "JFIF"u8.ToArray(), .. new byte[40]]), "files", "b.jpg" },
            { new StringContent("ignored"), "description" },
        };

        var (_, body) = await nemo.CallAsync(HttpMethod.Post, $"api/upload-video/nemo_agent/me/{session}", form);

        Assert.Equal(2, body!["data"]!["files"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("notes.txt", "just some text that is long enough to sniff")]
    [InlineData("renamed.jpg", "%PDF-1.7 this is really a pdf document, renamed")]
    public async Task Unsupported_type_is_4001_with_the_accepted_list(string fileName, string content)
    {
        var (sim, nemo) = await RawNemo.StartAsync();
        await using var _ = sim;
        using var __ = nemo;
        await nemo.AcquireTokenAsync();
        var session = await nemo.CreateSessionAsync();

        var (response, body) = await nemo.UploadAsync(session, fileName, Encoding.ASCII.GetBytes(content));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(4001, (int)body!["code"]!);
        Assert.Contains("webp", (string)body["message"]!, StringComparison.Ordinal);
        Assert.Empty((await nemo.StateAsync(session))["data"]!["state"]!["video_infos"]!.AsArray());
    }

    [Fact]
    public async Task Over_the_limit_is_4002_and_nothing_is_kept()
    {
        const long limit = 1024 * 1024;
        var (sim, nemo) = await RawNemo.StartAsync(o => o.DefaultUploadLimitBytes = limit);
        await using var _ = sim;
        using var __ = nemo;
        await nemo.AcquireTokenAsync();
        var session = await nemo.CreateSessionAsync();
        var source = new GeneratedStream(8 * limit);
        using var form = new MultipartFormDataContent();
        var part = new StreamContent(source);
        part.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(part, "files", "huge.png");

        var (response, body) = await nemo.CallAsync(HttpMethod.Post, $"api/upload-video/nemo_agent/me/{session}", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(4002, (int)body!["code"]!);
        Assert.Contains("1 MB", (string)body["message"]!, StringComparison.Ordinal);
        Assert.Empty((await nemo.StateAsync(session))["data"]!["state"]!["video_infos"]!.AsArray());
        Assert.Empty(Directory.EnumerateFiles(sim.StorageDirectory, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Motion_control_profile_has_its_own_limit()
    {
        var (sim, nemo) = await RawNemo.StartAsync(o => o.UploadLimitBytesBySource["image-to-video-motion-control"] = 100);
        await using var _ = sim;
        using var __ = nemo;
        await nemo.AcquireTokenAsync();
        var session = await nemo.CreateSessionAsync();
        var png = TestImages.Png(64, 64);

        var (_, best) = await nemo.UploadAsync(session, "ok.png", png);
        nemo.SkillSource = "image-to-video-motion-control";
        var (_, motion) = await nemo.UploadAsync(session, "big.png", png);

        Assert.Equal(0, (int)best!["code"]!);
        Assert.Equal(4002, (int)motion!["code"]!);
    }

    [Fact]
    public async Task Url_mode_fetches_loopback_urls()
    {
        var (sim, nemo) = await RawNemo.StartAsync();
        await using var _ = sim;
        using var __ = nemo;
        await nemo.AcquireTokenAsync();
        var session = await nemo.CreateSessionAsync();
        var (_, first) = await nemo.UploadAsync(session, "source.png", TestImages.Png(16, 16));
        var url = (string)first!["data"]!["files"]![0]!["cdn_url"]!;

        var (_, body) = await nemo.CallAsync(HttpMethod.Post, $"api/upload-video/nemo_agent/me/{session}",
            RawNemo.Json($$"""{"urls":["{{url}}"],"source_type":"url"}"""));

        Assert.Equal(0, (int)body!["code"]!);
        var file = body["data"]!["files"]![0]!;
        Assert.Equal("image", (string)file["file_type"]!);
        Assert.Equal((string)first["data"]!["files"]![0]!["hash"]!, (string)file["hash"]!);
    }

    [Fact]
    public async Task Url_mode_refuses_remote_hosts_by_default()
    {
        var (sim, nemo) = await RawNemo.StartAsync();
        await using var _ = sim;
        using var __ = nemo;
        await nemo.AcquireTokenAsync();
        var session = await nemo.CreateSessionAsync();

        var (_, body) = await nemo.CallAsync(HttpMethod.Post, $"api/upload-video/nemo_agent/me/{session}",
            RawNemo.Json("""{"urls":["https://example.com/a.jpg"],"source_type":"url"}"""));

        Assert.NotEqual(0, (int)body!["code"]!);
        Assert.Contains("loopback", (string)body["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lost_session_is_1002()
    {
        var (sim, nemo) = await RawNemo.StartAsync();
        await using var _ = sim;
        using var __ = nemo;
        await nemo.AcquireTokenAsync();
        var session = await nemo.CreateSessionAsync();
        sim.Accounts.LoseSession(session);

        var (_, body) = await nemo.UploadAsync(session, "a.png", TestImages.Png(8, 8));

        Assert.Equal(1002, (int)body!["code"]!);
    }
}
