using System.Text.Json;
using Nemo.Benchmarks.Pipeline;
using Nemo.Cli.Hosting;
using Nemo.Cli.Runtime;
using Nemo.Conversions;
using Nemo.Simulator;

namespace Nemo.Benchmarks.Engine;

/// <summary>
/// One conversion on the local runtime: the <c>nemo</c> host (journaled runtime, folder store) in real time against a
/// simulator of its own, scheduled as its inbox watcher schedules a dropped image; the history is the instance's journal.
/// </summary>
internal static class LocalConversion
{
    public const string Side = "local runtime (nemo)";

    public static async Task<ConversionFigures> RunAsync(RenderLength render, CancellationToken cancellationToken)
    {
        using var work = new BenchDirectory();
        await using var simulator = await NemoSimulator.StartAsync(EngineBenchmark.SimulatorOptionsFor(render), cancellationToken);
        var inputs = Directory.CreateDirectory(Path.Combine(work.Path, "inbox")).FullName;
        var fileName = Path.GetFileName(SampleImage.Path);
        File.Copy(SampleImage.Path, Path.Combine(inputs, fileName));
        var state = Path.Combine(work.Path, "state");

        // No time scale: the host's durable timers run in real time, as the engine's do.
        var settings = new HostSettings { StateDirectory = state, NemoUrl = simulator.BaseAddress };
        await using var host = await NemoHost.StartAsync(settings, Path.Combine(work.Path, "out"), inputs, cancellationToken);

        var request = new ConversionRequest(ConversionNames.FromFileName(fileName), [fileName], EngineBenchmark.Prompt);
        var instanceId = InstanceIds.ForSource(inputs, fileName, "benchmark");
        var triggeredAt = TimeProvider.System.GetUtcNow().UtcDateTime;
        await host.Runtime.ScheduleAsync(ConversionWorkflow.Conversion, instanceId, request, cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(EngineBenchmark.ConversionTimeout);
        var done = await host.Runtime.WaitForCompletionAsync(instanceId, timeout.Token);
        var result = done.Output?.Deserialize<ConversionResult>(ConversionJson.Options);

        // The runtime's journal: <state>/instances/<id>/history.jsonl, one line per persisted event.
        using var journal = new InstanceJournal(Path.Combine(state, "instances", instanceId));
        var history = journal.Load();
        return ConversionFigures.From(
            Side, render, result?.Status == ConversionStatus.Succeeded, done.LastUpdatedAt - triggeredAt, simulator, history.Select(e => e.GetType().Name));
    }
}
