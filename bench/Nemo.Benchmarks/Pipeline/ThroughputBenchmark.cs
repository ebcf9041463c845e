using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Nemo.Cli.Hosting;
using Nemo.Conversions;
using Nemo.Simulator;

namespace Nemo.Benchmarks.Pipeline;

/// <summary>
/// Many conversions as one batch (one job manifest) with a concurrency cap, through the <c>nemo</c> host against the
/// simulator with scaled time; then counts what arrived: every item exactly once, nothing lost, nothing spent twice.
/// </summary>
internal static class ThroughputBenchmark
{
    public static async Task<int> RunAsync(int conversions, int concurrency, double timeScale, CancellationToken cancellationToken)
    {
        using var work = new BenchDirectory();
        await using var simulator = await NemoSimulator.StartAsync(PipelineBenchmark.SimulatorOptionsFor(timeScale), cancellationToken);
        var inputs = Directory.CreateDirectory(Path.Combine(work.Path, "inputs")).FullName;
        File.Copy(SampleImage.Path, Path.Combine(inputs, "photo.jpg"));
        var outputs = Path.Combine(work.Path, "out");
        var settings = new HostSettings { StateDirectory = Path.Combine(work.Path, "state"), NemoUrl = simulator.BaseAddress, TimeScale = timeScale };
        await using var host = await NemoHost.StartAsync(settings, outputs, inputs, cancellationToken);

        var items = Enumerable.Range(1, conversions)
            .Select(i => new ConversionRequest(string.Create(CultureInfo.InvariantCulture, $"throughput/item-{i:D3}"), ["photo.jpg"], $"animate this image with a slow zoom-in, take {i}"))
            .ToList();
        var started = Stopwatch.GetTimestamp();
        await host.Runtime.ScheduleAsync(ConversionWorkflow.Batch, "throughput", new BatchRequest("throughput", items, concurrency), cancellationToken);
        var instance = await host.Runtime.WaitForCompletionAsync("throughput", cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var summary = instance.Output?.Deserialize<BatchSummary>(ConversionJson.Options)
            ?? throw new InvalidOperationException($"The batch ended without a summary: {instance.Error}");

        var mp4s = Directory.GetFiles(Path.Combine(outputs, "throughput"), "*.mp4").Length;
        var prompts = simulator.Journal.PromptsPerSession();
        var renders = simulator.Journal.RendersPerSession();
        var sessionsWithPrompt = prompts.Count;
        var duplicatedPrompts = prompts.Values.Count(count => count > 1);
        var duplicatedRenders = renders.Values.Count(count => count > 1);
        var lost = conversions - summary.Items.Count(item => item.Status == ConversionStatus.Succeeded && item.Output is not null);
        var peak = PeakConcurrentSessions(simulator.Journal);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{conversions} conversions in one batch, cap {concurrency}, time scale {timeScale}"));
        Console.WriteLine();
        Console.WriteLine("| conversions | succeeded | MP4s written | lost | sessions prompted | duplicated prompts | duplicated renders | peak sessions at once | wall time | conversions / min (real) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {conversions} | {summary.Succeeded} | {mp4s} | {lost} | {sessionsWithPrompt} | {duplicatedPrompts} | {duplicatedRenders} | {peak} | {elapsed.TotalSeconds:0.0} s | {conversions / elapsed.TotalMinutes:0} |"));
        return lost == 0 && duplicatedPrompts == 0 && duplicatedRenders == 0 && mp4s == conversions && peak <= concurrency ? 0 : 1;
    }

    /// <summary>The most sessions active at once, a session being active from its first to its last request.</summary>
    private static int PeakConcurrentSessions(RequestJournal journal)
    {
        var spans = journal.Entries
            .Where(entry => entry.SessionId is not null)
            .GroupBy(entry => entry.SessionId!, StringComparer.Ordinal)
            .Select(group => (Start: group.Min(entry => entry.Sequence), End: group.Max(entry => entry.Sequence)))
            .ToList();
        var edges = spans.SelectMany(span => new[] { (At: span.Start, Delta: 1), (At: span.End, Delta: -1) })
            .OrderBy(edge => edge.At).ThenByDescending(edge => edge.Delta);
        int current = 0, peak = 0;
        foreach (var (_, delta) in edges)
        {
            current += delta;
            peak = Math.Max(peak, current);
        }

        return peak;
    }
}
