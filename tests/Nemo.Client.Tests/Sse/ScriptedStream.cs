using System.Text;

namespace Nemo.Client.Tests.Sse;

/// <summary>
/// A read-only stream that plays a script: each piece of bytes comes back from its own read(s), never
/// merged with the next, so a test decides exactly where the reader sees a boundary. Between pieces it
/// can run an action (advance a clock), throw, or block until the read is cancelled. Records disposal.
/// </summary>
internal sealed class ScriptedStream : ReadOnlyTestStream
{
    private readonly Queue<Step> _steps = new();
    private ReadOnlyMemory<byte> _pending;

    public bool IsDisposed { get; private set; }

    public int BlockedReads { get; private set; }

    public ScriptedStream Then(string text) => ThenBytes(Encoding.UTF8.GetBytes(text));

    public ScriptedStream ThenBytes(byte[] bytes) => Add(new Step(bytes, null, null, false));

    public ScriptedStream ThenRun(Action action) => Add(new Step(null, action, null, false));

    public ScriptedStream ThenThrow(Exception exception) => Add(new Step(null, null, exception, false));

    public ScriptedStream ThenBlockUntilCancelled() => Add(new Step(null, null, null, true));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!_pending.IsEmpty)
            {
                var count = Math.Min(buffer.Length, _pending.Length);
                _pending[..count].CopyTo(buffer);
                _pending = _pending[count..];
                return count;
            }

            if (!_steps.TryDequeue(out var step))
            {
                return 0;
            }

            if (step.Bytes is not null)
            {
                _pending = step.Bytes;
            }

            step.Action?.Invoke();
            if (step.Exception is not null)
            {
                throw step.Exception;
            }

            if (step.Block)
            {
                BlockedReads++;
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("The SSE reader must read asynchronously.");

    protected override void Dispose(bool disposing)
    {
        IsDisposed = true;
        base.Dispose(disposing);
    }

    private ScriptedStream Add(Step step)
    {
        _steps.Enqueue(step);
        return this;
    }

    private sealed record Step(byte[]? Bytes, Action? Action, Exception? Exception, bool Block);
}
