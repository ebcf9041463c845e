using System.Buffers;
using System.Globalization;
using System.Text;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace Nemo.Functions.Storage;

/// <summary>
/// A write-only stream that stages what is written as uncommitted blocks of a block blob and makes it visible only in
/// <see cref="CommitAsync"/> (one Put Block List, so one <c>BlobCreated</c> event). Flushing or disposing never commits:
/// a writer that fails half way leaves the previous blob (if any) untouched, and the service discards the uncommitted
/// blocks. <c>BlockBlobClient.OpenWriteAsync</c> is not used because its stream commits on dispose, also after a failure.
/// </summary>
/// <remarks>
/// Block ids carry a per-stream random prefix, so two writers of the same blob never overwrite each other's staged
/// blocks; the last commit wins with its own complete content.
/// </remarks>
internal sealed class BlockUploadStream : Stream
{
    private readonly BlockBlobClient _blob;
    private readonly byte[] _buffer;
    private readonly int _blockSize;
    private readonly string _idPrefix = Guid.NewGuid().ToString("N");
    private readonly List<string> _blockIds = [];
    private int _filled;
    private long _written;
    private bool _committed;
    private bool _disposed;

    public BlockUploadStream(BlockBlobClient blob, int blockSize)
    {
        ArgumentNullException.ThrowIfNull(blob);
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 1);
        _blob = blob;
        _blockSize = blockSize;
        _buffer = ArrayPool<byte>.Shared.Rent(blockSize);
    }

    /// <summary>How many bytes were written.</summary>
    public long BytesWritten => _written;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => !_disposed && !_committed;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _written;
        set => throw new NotSupportedException();
    }

    /// <summary>Stages the last block and commits the block list with <paramref name="headers"/> and <paramref name="metadata"/>.</summary>
    public async Task CommitAsync(BlobHttpHeaders headers, IDictionary<string, string>? metadata, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_committed)
        {
            throw new InvalidOperationException("The blob was already committed.");
        }

        if (_filled > 0)
        {
            await StageBufferAsync(cancellationToken).ConfigureAwait(false);
        }

        var options = new CommitBlockListOptions { HttpHeaders = headers, Metadata = metadata };
        await _blob.CommitBlockListAsync(_blockIds, options, cancellationToken).ConfigureAwait(false);
        _committed = true;
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        Write(buffer.AsSpan(offset, count));
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        EnsureWritable();
        while (!buffer.IsEmpty)
        {
            var take = Math.Min(buffer.Length, _blockSize - _filled);
            buffer[..take].CopyTo(_buffer.AsSpan(_filled));
            _filled += take;
            _written += take;
            buffer = buffer[take..];
            if (_filled == _blockSize)
            {
                using var content = new MemoryStream(_buffer, 0, _filled, writable: false);
                _blob.StageBlock(NextBlockId(), content);
                _filled = 0;
            }
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        ValidateBufferArguments(buffer, offset, count);
        return WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        EnsureWritable();
        while (!buffer.IsEmpty)
        {
            var take = Math.Min(buffer.Length, _blockSize - _filled);
            buffer[..take].CopyTo(_buffer.AsMemory(_filled));
            _filled += take;
            _written += take;
            buffer = buffer[take..];
            if (_filled == _blockSize)
            {
                await StageBufferAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // Flushing only reaches the service through CommitAsync: a flush must never make a partial blob visible.
    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (!_disposed && disposing)
        {
            _disposed = true;
            ArrayPool<byte>.Shared.Return(_buffer);
        }

        base.Dispose(disposing);
    }

    private async Task StageBufferAsync(CancellationToken cancellationToken)
    {
        using var content = new MemoryStream(_buffer, 0, _filled, writable: false);
        await _blob.StageBlockAsync(NextBlockId(), content, options: null, cancellationToken).ConfigureAwait(false);
        _filled = 0;
    }

    // Ids of one blob must all have the same length: prefix (32 hex) + '-' + six digits, base64-encoded.
    private string NextBlockId()
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"{_idPrefix}-{_blockIds.Count:D6}");
        var encoded = Convert.ToBase64String(Encoding.ASCII.GetBytes(id));
        _blockIds.Add(encoded);
        return encoded;
    }

    private void EnsureWritable()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_committed)
        {
            throw new InvalidOperationException("The blob was already committed.");
        }
    }
}
