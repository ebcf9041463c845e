namespace Nemo.Testing;

/// <summary>
/// A non-seekable stream of <c>length</c> bytes produced on the fly, never holding more than one read's
/// worth: a PNG signature first (so it sniffs as an image), then a cheap pattern.
/// </summary>
public sealed class GeneratedStream(long length) : ReadOnlyTestStream
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>How many bytes have been read so far.</summary>
    public long Produced { get; private set; }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = (int)Math.Min(buffer.Length, length - Produced);
        for (var i = 0; i < n; i++)
        {
            var at = Produced + i;
            buffer[i] = at < Signature.Length ? Signature[at] : (byte)(at * 31);
        }

        Produced += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer, offset, count));
}
