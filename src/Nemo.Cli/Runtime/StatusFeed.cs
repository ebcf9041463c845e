using Nemo.Conversions;

namespace Nemo.Cli.Runtime;

/// <summary>The latest status of one instance and a task that completes on its next change (latest wins).</summary>
internal sealed class StatusFeed
{
    private readonly Lock _gate = new();
    private ConversionInstance? _latest;
    private TaskCompletionSource<ConversionInstance> _next = New();

    public (ConversionInstance? Latest, Task<ConversionInstance> Next) Read()
    {
        lock (_gate)
        {
            return (_latest, _next.Task);
        }
    }

    public void Publish(ConversionInstance instance)
    {
        TaskCompletionSource<ConversionInstance> previous;
        lock (_gate)
        {
            _latest = instance;
            previous = _next;
            _next = New();
        }

        previous.TrySetResult(instance);
    }

    private static TaskCompletionSource<ConversionInstance> New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
