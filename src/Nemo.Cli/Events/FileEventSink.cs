using CloudNative.CloudEvents;
using Nemo.Conversions;

namespace Nemo.Cli.Events;

/// <summary>
/// Appends each CloudEvent as one JSON line to a file (default <c>&lt;state&gt;/events.jsonl</c>): the CloudEvents JSON
/// event format (structured mode), encoded by the CloudEvents SDK.
/// </summary>
public sealed class FileEventSink : IConversionEventSink, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Creates a sink appending to <paramref name="path"/> (its folder is created on demand).</summary>
    /// <param name="path">The JSON Lines file.</param>
    public FileEventSink(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = System.IO.Path.GetFullPath(path);
    }

    /// <summary>The file the events are appended to.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public async Task PublishAsync(ConversionCloudEvent cloudEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cloudEvent);
        var line = EncodeLine(ConversionCloudEventFormat.ToCloudEvent(cloudEvent));
        await _gate.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            await using var file = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read, 4096, FileOptions.Asynchronous);
            // One write per line so a reader never sees half an event from this process.
            await file.WriteAsync(line, CancellationToken.None);
            file.Flush(flushToDisk: true);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    // The compact JSON has no raw line breaks (the writer escapes them in strings), so one event is one line.
    private static byte[] EncodeLine(CloudEvent cloudEvent)
    {
        var json = ConversionCloudEventFormat.Formatter.EncodeStructuredModeMessage(cloudEvent, out _).Span;
        var line = new byte[json.Length + 1];
        json.CopyTo(line);
        line[^1] = (byte)'\n';
        return line;
    }
}
