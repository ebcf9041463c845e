using System.Text;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Nemo.Functions.Storage;

namespace Nemo.Functions.Tests.Storage;

public sealed class BlobMediaStoreTests : IClassFixture<AzuriteStorage>, IDisposable
{
    private readonly AzuriteStorage _storage;
    private readonly BlobMediaStore _store;

    public BlobMediaStoreTests(AzuriteStorage storage)
    {
        _storage = storage;
        _store = new BlobMediaStore(storage.Service, storage.Options);
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Inputs_are_blob_names_in_the_input_container_and_stream()
    {
        var png = TestImages.Png(4, 4);
        await _storage.Input.UploadBlobAsync("a b/ünï.png", new BinaryData(png));

        var info = await _store.GetInputInfoAsync("a b/ünï.png");
        await using var stream = await _store.OpenInputAsync("a b/ünï.png");
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);

        Assert.Equal(new Nemo.Conversions.MediaInfo("a b/ünï.png", "ünï.png", png.Length), info);
        Assert.Equal(png, copy.ToArray());
    }

    [Theory]
    [InlineData("missing.png")]
    [InlineData("../outside.png")]
    [InlineData("a//b.png")]
    [InlineData("staged:not-hex/x.png")]
    public async Task Missing_or_unsafe_keys_are_absent(string key)
    {
        Assert.Null(await _store.GetInputInfoAsync(key));
        await Assert.ThrowsAsync<FileNotFoundException>(() => _store.OpenInputAsync(key));
        Assert.Null(await _store.GetInputReadUrlAsync(key, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public async Task WriteOutput_commits_content_type_and_metadata_and_reads_back()
    {
        var metadata = new Dictionary<string, string> { ["instanceId"] = "conv-1", ["renderId"] = "r-1" };

        var saved = await _store.WriteOutputAsync("job/item one.result.json", "application/json", async (s, ct) => await s.WriteAsync("{}"u8.ToArray(), ct), metadata);

        Assert.Equal(new Nemo.Conversions.SavedOutput("job/item one.result.json", 2), saved);
        var properties = (await _storage.Output.GetBlobClient("job/item one.result.json").GetPropertiesAsync()).Value;
        Assert.Equal("application/json", properties.ContentType);
        Assert.Equal("conv-1", properties.Metadata["instanceId"]);
        Assert.Equal("r-1", properties.Metadata["renderId"]);
        Assert.Equal("{}", await _store.ReadOutputTextAsync("job/item one.result.json"));
        Assert.Null(await _store.ReadOutputTextAsync("nope.result.json"));
    }

    [Fact]
    public async Task WriteOutput_streams_in_blocks_and_commits_them_once()
    {
        var content = new byte[200_000];
        Random.Shared.NextBytes(content);

        var saved = await _store.WriteOutputAsync("clip.mp4", "video/mp4", async (s, ct) =>
        {
            // Small, uneven writes: the stream fills 64 KiB blocks across them.
            for (var offset = 0; offset < content.Length; offset += 7_000)
            {
                await s.WriteAsync(content.AsMemory(offset, Math.Min(7_000, content.Length - offset)), ct);
            }
        });

        Assert.Equal(content.Length, saved.Bytes);
        var blocks = (await _storage.Output.GetBlockBlobClient("clip.mp4").GetBlockListAsync()).Value;
        Assert.Equal(4, blocks.CommittedBlocks.Count());
        Assert.Empty(blocks.UncommittedBlocks);
        var download = await _storage.Output.GetBlobClient("clip.mp4").DownloadContentAsync();
        Assert.Equal(content, download.Value.Content.ToArray());
        Assert.Equal("video/mp4", download.Value.Details.ContentType);
    }

    [Fact]
    public async Task WriteOutput_that_fails_leaves_no_blob_and_keeps_the_previous_output()
    {
        await _store.WriteOutputAsync("kept.mp4", "video/mp4", async (s, ct) => await s.WriteAsync("old"u8.ToArray(), ct));

        await Assert.ThrowsAsync<IOException>(() => _store.WriteOutputAsync("kept.mp4", "video/mp4", async (s, ct) =>
        {
            await s.WriteAsync(new byte[150_000], ct);
            throw new IOException("download cut");
        }));
        await Assert.ThrowsAsync<IOException>(() => _store.WriteOutputAsync("never.mp4", "video/mp4", async (s, ct) =>
        {
            await s.WriteAsync(new byte[150_000], ct);
            throw new IOException("download cut");
        }));

        Assert.Equal("old", await _store.ReadOutputTextAsync("kept.mp4"));
        Assert.False((await _storage.Output.GetBlobClient("never.mp4").ExistsAsync()).Value);
    }

    [Fact]
    public async Task A_writer_that_disposes_or_flushes_the_stream_does_not_commit_it()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => _store.WriteOutputAsync("flushed.mp4", "video/mp4", async (s, ct) =>
        {
            await s.WriteAsync(new byte[100_000], ct);
            await s.FlushAsync(ct);
            await s.DisposeAsync();
            throw new InvalidOperationException("writer gave up");
        }));

        Assert.False((await _storage.Output.GetBlobClient("flushed.mp4").ExistsAsync()).Value);
    }

    [Theory]
    [InlineData("../x.mp4")]
    [InlineData("/x.mp4")]
    [InlineData("a\\b.mp4")]
    [InlineData("a/./b.mp4")]
    public async Task Output_names_that_leave_the_container_are_rejected(string name)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _store.WriteOutputAsync(name, "video/mp4", (_, _) => Task.CompletedTask));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.ReadOutputTextAsync(name));
    }

    [Fact]
    public async Task Staged_content_goes_to_the_state_container_never_to_the_input()
    {
        var key = await _store.StageInputAsync("..\\dir/ph\toto.png", new GeneratedStream(150_000));

        Assert.Matches("^staged:[0-9a-f]{32}/ph_oto\\.png$", key);
        Assert.Equal(150_000, (await _store.GetInputInfoAsync(key))!.Length);
        await using (var stream = await _store.OpenInputAsync(key))
        {
            Assert.Equal(0x89, stream.ReadByte());
        }

        var blobName = BlobMediaStore.StagedFolder + key[BlobMediaStore.StagedKeyPrefix.Length..];
        var properties = (await _storage.State.GetBlobClient(blobName).GetPropertiesAsync()).Value;
        Assert.Equal("image/png", properties.ContentType);
        Assert.DoesNotContain(await NamesAsync(_storage.Input, prefix: null), name => name.EndsWith("ph_oto.png", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Staging_that_fails_midway_throws_the_reader_error_and_leaves_no_blob()
    {
        var before = await NamesAsync(_storage.State, BlobMediaStore.StagedFolder);

        await Assert.ThrowsAsync<InvalidDataException>(() => _store.StageInputAsync("big.png", new FailingStream(100_000)));

        Assert.Equal(before, await NamesAsync(_storage.State, BlobMediaStore.StagedFolder));
    }

    [Fact]
    public async Task No_read_url_for_the_emulator_which_nemo_cannot_reach()
    {
        await _storage.Input.UploadBlobAsync("url.png", new BinaryData(TestImages.Png(2, 2)));

        Assert.Null(await _store.GetInputReadUrlAsync("url.png", TimeSpan.FromMinutes(10)));
    }

    [Fact]
    public async Task Shared_key_accounts_get_a_read_only_blob_sas_that_expires_after_the_lifetime()
    {
        // No request is made: the SAS is signed locally with the (made-up) account key.
        var key = Convert.ToBase64String(Encoding.UTF8.GetBytes("not-a-real-key-not-a-real-key-00"));
        var service = new Azure.Storage.Blobs.BlobServiceClient(
            $"DefaultEndpointsProtocol=https;AccountName=nemotest;AccountKey={key};EndpointSuffix=core.windows.net");
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));
        using var store = new BlobMediaStore(service, new NemoStorageOptions { InputContainer = "images-in" }, clock);

        var url = await store.GetInputReadUrlAsync("beach photo.jpg", TimeSpan.FromMinutes(10));
        var staged = await store.GetInputReadUrlAsync("staged:0123456789abcdef0123456789abcdef/a.png", TimeSpan.FromMinutes(10));

        Assert.NotNull(url);
        Assert.Equal("nemotest.blob.core.windows.net", url.Host);
        Assert.Equal("/images-in/beach%20photo.jpg", url.AbsolutePath);
        var query = System.Web.HttpUtility.ParseQueryString(url.Query);
        Assert.Equal("r", query["sp"]);
        Assert.Equal("b", query["sr"]);
        Assert.Equal("https", query["spr"]);
        Assert.Equal("2025-06-01T12:10:00Z", query["se"]);
        Assert.Equal("2025-06-01T11:55:00Z", query["st"]);
        Assert.False(string.IsNullOrEmpty(query["sig"]));
        Assert.Equal("/nemo-state/staged/0123456789abcdef0123456789abcdef/a.png", staged!.AbsolutePath);
    }

    private static async Task<List<string>> NamesAsync(Azure.Storage.Blobs.BlobContainerClient container, string? prefix)
    {
        var names = new List<string>();
        if (!(await container.ExistsAsync()).Value)
        {
            return names;
        }

        await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, CancellationToken.None))
        {
            names.Add(item.Name);
        }

        return names;
    }

    /// <summary>Yields <c>length</c> bytes, then fails like a connection cut mid-upload.</summary>
    private sealed class FailingStream(int length) : ReadOnlyTestStream
    {
        private int _produced;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_produced >= length)
            {
                throw new InvalidDataException("connection cut");
            }

            var n = Math.Min(buffer.Length, length - _produced);
            buffer[..n].Clear();
            _produced += n;
            return n;
        }
    }
}
