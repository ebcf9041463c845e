using System.Collections.Concurrent;
using Nemo.Conversions;

namespace Nemo.Functions.Tests.Http;

/// <summary>An <see cref="IMediaStore"/> in memory, for the HTTP functions' uploads.</summary>
internal sealed class InMemoryMediaStore : IMediaStore
{
    public ConcurrentDictionary<string, byte[]> Inputs { get; } = new(StringComparer.Ordinal);

    public Task<MediaInfo?> GetInputInfoAsync(string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(Inputs.TryGetValue(key, out var bytes) ? new MediaInfo(key, key.Split('/')[^1], bytes.Length) : null);

    public Task<Stream> OpenInputAsync(string key, CancellationToken cancellationToken = default) =>
        Inputs.TryGetValue(key, out var bytes)
            ? Task.FromResult<Stream>(new MemoryStream(bytes, writable: false))
            : throw new FileNotFoundException(key);

    public Task<Uri?> GetInputReadUrlAsync(string key, TimeSpan lifetime, CancellationToken cancellationToken = default) =>
        Task.FromResult<Uri?>(null);

    public async Task<string> StageInputAsync(string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        var key = "staged/" + fileName;
        Inputs[key] = buffer.ToArray();
        return key;
    }

    public Task<SavedOutput> WriteOutputAsync(
        string name,
        string contentType,
        Func<Stream, CancellationToken, Task> write,
        IReadOnlyDictionary<string, string>? metadata = null,
        CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The HTTP API writes no outputs.");

    public Task<string?> ReadOutputTextAsync(string name, CancellationToken cancellationToken = default) => Task.FromResult<string?>(null);
}
