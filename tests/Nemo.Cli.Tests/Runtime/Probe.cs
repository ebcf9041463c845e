using System.Collections.Concurrent;

namespace Nemo.Cli.Tests.Runtime;

/// <summary>What the toy activities did: calls per activity and input, and a gate for the blocking activity.</summary>
public sealed class Probe
{
    private readonly ConcurrentDictionary<string, int> _calls = new();

    public TaskCompletionSource BlockEntered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource BlockRelease { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Hit(string key) => _calls.AddOrUpdate(key, 1, (_, n) => n + 1);

    public int Count(string key) => _calls.GetValueOrDefault(key);
}
