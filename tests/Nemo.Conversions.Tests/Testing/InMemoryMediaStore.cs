using System.Collections.Concurrent;

namespace Nemo.Conversions.Tests.Testing;

/// <summary>An <see cref="IMediaStore"/> in memory; read URLs only when <see cref="ReadUrlBase"/> is set.</summary>
internal sealed class InMemoryMediaStore : IMediaStore
{
    public ConcurrentDictionary<string, byte[]> Inputs { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, (byte[] Bytes, string ContentType, IReadOnlyDictionary<string, string>? Metadata)> Outputs { get; } = new(StringComparer.Ordinal);

    public Uri? ReadUrlBase { get; set; }

    public int OpenStreams;

    /// <summary>How many input streams were ever opened.</summary>
    public int Opened;

    public Task<MediaInfo?> GetInputInfoAsync(string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(Inputs.TryGetValue(key, out var bytes) ? new MediaInfo(key, key.Split('/')[^1], bytes.Length) : null);

    public Task<Stream> OpenInputAsync(string key, CancellationToken cancellationToken = default)
    {
        if (!Inputs.TryGetValue(key, out var bytes))
        {
            throw new FileNotFoundException(key);
        }

        Interlocked.Increment(ref OpenStreams);
        Interlocked.Increment(ref Opened);
        return Task.FromResult<Stream>(new TrackedStream(bytes, () => Interlocked.Decrement(ref OpenStreams)));
    }

    public Task<Uri?> GetInputReadUrlAsync(string key, TimeSpan lifetime, CancellationToken cancellationToken = default) =>
        Task.FromResult(ReadUrlBase is null ? null : new Uri(ReadUrlBase, Uri.EscapeDataString(key)));

    public async Task<string> StageInputAsync(string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        var key = "staged/" + fileName;
        Inputs[key] = buffer.ToArray();
        return key;
    }

    public async Task<SavedOutput> WriteOutputAsync(string name, string contentType, Func<Stream, CancellationToken, Task> write, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await write(buffer, cancellationToken);
        Outputs[name] = (buffer.ToArray(), contentType, metadata);
        return new SavedOutput(name, buffer.Length);
    }

    public Task<string?> ReadOutputTextAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(Outputs.TryGetValue(name, out var output) ? System.Text.Encoding.UTF8.GetString(output.Bytes) : null);

    private sealed class TrackedStream(byte[] bytes, Action disposed) : MemoryStream(bytes, writable: false)
    {
        private bool _disposed;

        protected override void Dispose(bool disposing)
        {
            if (!_disposed)
            {
                _disposed = true;
                disposed();
            }

            base.Dispose(disposing);
        }
    }
}

/// <summary>An <see cref="ISpendLedger"/> in memory.</summary>
internal sealed class InMemorySpendLedger : ISpendLedger
{
    public ConcurrentDictionary<string, string> Keys { get; } = new(StringComparer.Ordinal);

    public Task<LedgerClaim> ClaimAsync(string key, string holder, CancellationToken cancellationToken = default) =>
        Task.FromResult(Keys.TryAdd(key, holder) ? new LedgerClaim(holder, IsNew: true) : new LedgerClaim(Keys[key], IsNew: false));
}

/// <summary>An <see cref="IConversionEventSink"/> that records what it got.</summary>
internal sealed class RecordingEventSink : IConversionEventSink
{
    public ConcurrentQueue<ConversionCloudEvent> Events { get; } = new();

    public Task PublishAsync(ConversionCloudEvent cloudEvent, CancellationToken cancellationToken = default)
    {
        Events.Enqueue(cloudEvent);
        return Task.CompletedTask;
    }
}
