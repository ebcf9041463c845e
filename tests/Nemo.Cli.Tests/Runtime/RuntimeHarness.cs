using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Nemo.Cli.Runtime;
using Nemo.Conversions;

namespace Nemo.Cli.Tests.Runtime;

/// <summary>A temporary state directory and runtimes over it (several in turn, to test resuming).</summary>
public sealed class RuntimeHarness : IAsyncDisposable
{
    public static readonly TimeSpan Safety = TimeSpan.FromSeconds(30);

    private readonly List<LocalOrchestrationRuntime> _runtimes = [];
    private readonly ServiceProvider _services;

    public RuntimeHarness(TimeProvider? timeProvider = null)
    {
        StateDirectory = Path.Combine(Path.GetTempPath(), "nemo-runtime-tests", Guid.NewGuid().ToString("N"));
        Time = timeProvider ?? TimeProvider.System;
        _services = new ServiceCollection().AddSingleton(Probe).BuildServiceProvider();
    }

    public string StateDirectory { get; }

    public TimeProvider Time { get; }

    public Probe Probe { get; } = new();

    public async Task<LocalOrchestrationRuntime> StartAsync(int maxConcurrentActivities = 8, double timerScale = 1)
    {
        var runtime = new LocalOrchestrationRuntime(
            new LocalRuntimeOptions { StateDirectory = StateDirectory, MaxConcurrentActivities = maxConcurrentActivities, TimerScale = timerScale },
            _services,
            ToyWorkflows.Orchestrators,
            ToyWorkflows.Activities,
            Time,
            NullLoggerFactory.Instance);
        _runtimes.Add(runtime);
        await runtime.StartAsync();
        return runtime;
    }

    public string HistoryPath(string instanceId) => Path.Combine(StateDirectory, "instances", instanceId, "history.jsonl");

    public string SnapshotPath(string instanceId) => Path.Combine(StateDirectory, "instances", instanceId, "instance.json");

    /// <summary>The journal's events as JSON objects, one per complete line.</summary>
    public List<JsonElement> History(string instanceId) =>
        [.. File.ReadAllLines(HistoryPath(instanceId)).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    public List<string> HistoryTypes(string instanceId) => [.. History(instanceId).Select(e => e.GetProperty("type").GetString()!)];

    public static T Output<T>(ConversionInstance instance) =>
        instance.Output!.Value.Deserialize<T>(ConversionJson.Options)!;

    public async ValueTask DisposeAsync()
    {
        foreach (var runtime in _runtimes)
        {
            await runtime.DisposeAsync();
        }

        await _services.DisposeAsync();
        if (Directory.Exists(StateDirectory))
        {
            Directory.Delete(StateDirectory, recursive: true);
        }
    }
}
