using System.Text;
using Nemo.Cli.Storage;
using Nemo.Cli.Tests.Support;

namespace Nemo.Cli.Tests.Storage;

public sealed class FolderMediaStoreTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly FolderMediaStore _store;

    public FolderMediaStoreTests() =>
        _store = new FolderMediaStore(_temp.Combine("in"), _temp.Combine("out"), _temp.Combine("state", "staged"));

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Inputs_resolve_relative_and_absolute_keys()
    {
        var path = _temp.Write("in/a b/ünï.png", TestImages.Png(4, 4));

        var relative = await _store.GetInputInfoAsync("a b/ünï.png");
        var absolute = await _store.GetInputInfoAsync(path);

        Assert.Equal("ünï.png", relative!.FileName);
        Assert.Equal(new FileInfo(path).Length, relative.Length);
        Assert.Equal(relative.Length, absolute!.Length);
        Assert.Null(await _store.GetInputInfoAsync("missing.png"));
        await Assert.ThrowsAsync<FileNotFoundException>(() => _store.OpenInputAsync("missing.png"));
        await using var stream = await _store.OpenInputAsync("a b/ünï.png");
        Assert.Equal(0x89, stream.ReadByte());
    }

    [Fact]
    public async Task No_read_url_for_local_files() =>
        Assert.Null(await _store.GetInputReadUrlAsync("x.png", TimeSpan.FromMinutes(5)));

    [Fact]
    public async Task WriteOutput_writes_into_subfolders_and_reads_back()
    {
        var saved = await _store.WriteOutputAsync("job/item one.result.json", "application/json", async (s, ct) => await s.WriteAsync("{}"u8.ToArray(), ct));

        Assert.Equal("job/item one.result.json", saved.Key);
        Assert.Equal(2, saved.Bytes);
        Assert.True(File.Exists(_temp.Combine("out", "job", "item one.result.json")));
        Assert.Equal("{}", await _store.ReadOutputTextAsync("job/item one.result.json"));
        Assert.Null(await _store.ReadOutputTextAsync("nope.result.json"));
    }

    [Fact]
    public async Task WriteOutput_that_fails_leaves_no_file_and_keeps_the_previous_output()
    {
        await _store.WriteOutputAsync("clip.mp4", "video/mp4", async (s, ct) => await s.WriteAsync("old"u8.ToArray(), ct));

        await Assert.ThrowsAsync<IOException>(() => _store.WriteOutputAsync("clip.mp4", "video/mp4", async (s, ct) =>
        {
            await s.WriteAsync(new byte[100_000], ct);
            throw new IOException("download cut");
        }));

        Assert.Equal(["clip.mp4"], Directory.GetFiles(_temp.Combine("out")).Select(Path.GetFileName));
        Assert.Equal("old", await File.ReadAllTextAsync(_temp.Combine("out", "clip.mp4")));
    }

    [Fact]
    public async Task Output_is_invisible_until_complete()
    {
        var seenDuringWrite = true;
        await _store.WriteOutputAsync("clip.mp4", "video/mp4", async (s, ct) =>
        {
            await s.WriteAsync(new byte[10], ct);
            seenDuringWrite = File.Exists(_temp.Combine("out", "clip.mp4"));
        });

        Assert.False(seenDuringWrite);
        Assert.Equal(10, new FileInfo(_temp.Combine("out", "clip.mp4")).Length);
    }

    [Theory]
    [InlineData("../escape.mp4")]
    [InlineData("a/../../escape.mp4")]
    [InlineData("/etc/passwd")]
    [InlineData("a\\b.mp4")]
    [InlineData("a//b.mp4")]
    [InlineData("bell\u0007.mp4")]
    public async Task Output_names_cannot_escape_the_output_folder(string name) =>
        await Assert.ThrowsAsync<ArgumentException>(() => _store.WriteOutputAsync(name, "video/mp4", (_, _) => Task.CompletedTask));

    [Fact]
    public async Task Staging_is_content_addressed_and_streams()
    {
        var first = await _store.StageInputAsync("../../evil name.png", new MemoryStream(Encoding.UTF8.GetBytes("same")));
        var second = await _store.StageInputAsync("evil name.png", new MemoryStream(Encoding.UTF8.GetBytes("same")));
        var large = await _store.StageInputAsync("big.bin", new GeneratedStream(5 * 1024 * 1024));

        Assert.Equal(first, second);
        Assert.StartsWith(_store.StagingDirectory + Path.DirectorySeparatorChar, first, StringComparison.Ordinal);
        Assert.Equal("evil name.png", Path.GetFileName(first));
        Assert.Equal(5 * 1024 * 1024, (await _store.GetInputInfoAsync(large))!.Length);
        Assert.DoesNotContain(Directory.GetFiles(_store.StagingDirectory), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }
}
