using System.Collections.Concurrent;

namespace Nemo.Conversions.Tests.Requests;

/// <summary>
/// An <see cref="IMediaStore"/> in memory for tests. Inputs are produced by factories (so a "250 MB" input is a
/// <see cref="GeneratedStream"/>, never an array), and every opened stream is tracked to prove how much was read.
/// Staged content keeps only its first <see cref="KeptBytes"/> bytes plus its full length.
/// </summary>
internal sealed class InMemoryMediaStore : IMediaStore
{
    public const int KeptBytes = 64 * 1024;

    private readonly ConcurrentDictionary<string, Input> _inputs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _outputs = new(StringComparer.Ordinal);
    private int _staged;

    public List<CountingStream> Opened { get; } = [];

    public List<(string FileName, string Key, long Length)> StagedInputs { get; } = [];

    public void Add(string key, byte[] content) => _inputs[key] = new Input(FileNameOf(key), content.Length, () => new MemoryStream(content, writable: false));

    public void AddGenerated(string key, long length) => _inputs[key] = new Input(FileNameOf(key), length, () => new GeneratedStream(length));

    /// <summary>An input whose info is known but which cannot be opened (permissions, a lock).</summary>
    public void AddUnreadable(string key, long length) =>
        _inputs[key] = new Input(FileNameOf(key), length, () => throw new UnauthorizedAccessException($"Access to '{FileNameOf(key)}' is denied."));

    public Task<MediaInfo?> GetInputInfoAsync(string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(_inputs.TryGetValue(key, out var input) ? new MediaInfo(key, input.FileName, input.Length) : null);

    public Task<Stream> OpenInputAsync(string key, CancellationToken cancellationToken = default)
    {
        if (!_inputs.TryGetValue(key, out var input))
        {
            throw new FileNotFoundException("No such input.", key);
        }

        var stream = new CountingStream(input.Open());
        lock (Opened)
        {
            Opened.Add(stream);
        }

        return Task.FromResult<Stream>(stream);
    }

    public Task<Uri?> GetInputReadUrlAsync(string key, TimeSpan lifetime, CancellationToken cancellationToken = default) =>
        Task.FromResult<Uri?>(null);

    public async Task<string> StageInputAsync(string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        var kept = new MemoryStream();
        var buffer = new byte[81920];
        long length = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (kept.Length < KeptBytes)
            {
                kept.Write(buffer, 0, (int)Math.Min(read, KeptBytes - kept.Length));
            }

            length += read;
        }

        var key = $"staged/{Interlocked.Increment(ref _staged)}/{fileName}";
        var bytes = kept.ToArray();
        _inputs[key] = new Input(fileName, length, () => new MemoryStream(bytes, writable: false));
        lock (StagedInputs)
        {
            StagedInputs.Add((fileName, key, length));
        }

        return key;
    }

    public async Task<SavedOutput> WriteOutputAsync(
        string name,
        string contentType,
        Func<Stream, CancellationToken, Task> write,
        IReadOnlyDictionary<string, string>? metadata = null,
        CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await write(buffer, cancellationToken);
        _outputs[name] = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        return new SavedOutput(name, buffer.Length);
    }

    public Task<string?> ReadOutputTextAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(_outputs.TryGetValue(name, out var text) ? text : null);

    private static string FileNameOf(string key) => key.Split('/')[^1];

    private sealed record Input(string FileName, long Length, Func<Stream> Open);
}

/// <summary>A read-only wrapper that counts the bytes read through it and whether it was disposed.</summary>
internal sealed class CountingStream(Stream inner) : ReadOnlyTestStream
{
    public long BytesRead { get; private set; }

    public bool Disposed { get; private set; }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = inner.Read(buffer, offset, count);
        BytesRead += read;
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        BytesRead += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        inner.Dispose();
        base.Dispose(disposing);
    }
}
