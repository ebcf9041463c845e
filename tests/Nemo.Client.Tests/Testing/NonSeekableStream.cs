namespace Nemo.Client.Tests.Testing;

/// <summary>A read-only, forward-only stream (like a network or pipe stream).</summary>
public sealed class NonSeekableStream(byte[] data) : ReadOnlyTestStream
{
    private int _position;

    public bool Disposed { get; private set; }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = Math.Min(count, data.Length - _position);
        Array.Copy(data, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }
}

/// <summary>Produces <c>length</c> bytes on the fly, never holding more than one read's worth.</summary>
public sealed class GeneratedStream(long length) : ReadOnlyTestStream
{
    public long Produced { get; private set; }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = (int)Math.Min(buffer.Length, length - Produced);
        for (var i = 0; i < n; i++)
        {
            buffer[i] = (byte)((Produced + i) & 0xFF);
        }

        Produced += n;
        return n;
    }

}
