namespace Nemo.Cli.Runtime;

/// <summary>
/// Runs orchestration code one step at a time on the calling thread: continuations posted by <c>await</c> are queued
/// and drained, in order, before the step ends. With completions delivered in history order, every run of the same
/// history executes the same code in the same order, fan-out included.
/// </summary>
internal sealed class OrchestrationSynchronizationContext : SynchronizationContext
{
    private readonly Lock _gate = new();
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _queue = new();
    private volatile int _runningThread;

    /// <summary>
    /// Called when work is posted from outside a step (for example the thread-pool callback of
    /// <c>CancellationTokenSource.CancelAsync</c>), so the owner runs a step to drain it.
    /// </summary>
    public Action? ForeignPost { get; set; }

    public override void Post(SendOrPostCallback d, object? state)
    {
        ArgumentNullException.ThrowIfNull(d);
        lock (_gate)
        {
            _queue.Enqueue((d, state));
        }

        if (Environment.CurrentManagedThreadId != _runningThread)
        {
            ForeignPost?.Invoke();
        }
    }

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Orchestration code runs on one thread; Send is not supported.");

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Runs <paramref name="action"/> with this context current, then everything it queued.</summary>
    public void Run(Action action)
    {
        var previous = Current;
        SetSynchronizationContext(this);
        _runningThread = Environment.CurrentManagedThreadId;
        try
        {
            action();
            while (TryDequeue(out var item))
            {
                item.Callback(item.State);
            }
        }
        finally
        {
            _runningThread = 0;
            SetSynchronizationContext(previous);
        }
    }

    private bool TryDequeue(out (SendOrPostCallback Callback, object? State) item)
    {
        lock (_gate)
        {
            return _queue.TryDequeue(out item);
        }
    }
}
