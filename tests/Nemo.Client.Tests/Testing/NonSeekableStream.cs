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
