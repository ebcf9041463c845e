using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Nemo.Cli.Hosting;
using Nemo.Client;
using Nemo.Conversions;
using Nemo.Simulator;

namespace Nemo.Benchmarks.Pipeline;

/// <summary>
/// The pipeline (the <c>nemo</c> host: journaled runtime, adaptive polling) side by side with the naive baseline, in one
/// run against one simulator with scaled time: how long after a render finishes each side notices, how many status
/// calls each render costs, and end-to-end time.
/// </summary>
internal static class PipelineBenchmark
{
    private const string Prompt = "animate this image with a slow zoom-in and leftward pan";

    public static async Task<int> RunAsync(int conversions, int concurrency, double timeScale, CancellationToken cancellationToken)
    {
        using var work = new BenchDirectory();
        await using var simulator = await NemoSimulator.StartAsync(SimulatorOptionsFor(timeScale), cancellationToken);
        var image = await File.ReadAllBytesAsync(SampleImage.Path, cancellationToken);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{conversions} conversions per side, {concurrency} at a time, time scale {timeScale} (1 real s = {1 / timeScale:0} simulated s)"));
        var naive = await RunNaiveAsync(simulator, work, image, conversions, concurrency, timeScale, cancellationToken);
        var pipeline = await RunPipelineAsync(simulator, work, conversions, concurrency, timeScale, cancellationToken);

        var renders = simulator.Renders;
        Console.WriteLine();
        Console.WriteLine("| side | conversions | detection delay p50 | p95 | status calls per render (mean / max) | end-to-end p50 | p95 |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        var naiveRow = Row("naive (fixed 30 s polls)", naive, renders);
        var pipelineRow = Row("**pipeline (adaptive)**", pipeline, renders);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"detection delay p50: pipeline {pipelineRow:0.0} s vs naive {naiveRow:0.0} s = {pipelineRow / naiveRow:P0} of the baseline (target: at most 33%)"));
        return pipeline.Failures + naive.Failures == 0 && pipelineRow <= naiveRow / 3 ? 0 : 1;
    }

    internal static SimulatorOptions SimulatorOptionsFor(double timeScale) => new()
    {
        TimeScale = timeScale,
        StartingCredits = 10_000_000,
        UseFfmpeg = false,
        Seed = 7,
    };

    private static async Task<SideResult> RunNaiveAsync(NemoSimulator simulator, BenchDirectory work, byte[] image, int conversions, int concurrency, double timeScale, CancellationToken cancellationToken)
    {
        var clock = new ScaledTimeProvider(TimeProvider.System, timeScale);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddNemoClient(options =>
        {
            options.BaseAddress = simulator.BaseAddress;
            options.TokenStorePath = Path.Combine(work.Path, "naive-token.json");
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<NemoClient>();
        var outputs = Directory.CreateDirectory(Path.Combine(work.Path, "naive-out")).FullName;

        var sessions = new List<string>();
        var seconds = new List<double>();
        var failures = 0;
        using var gate = new SemaphoreSlim(concurrency);
        await Task.WhenAll(Enumerable.Range(0, conversions).Select(async i =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                var started = Stopwatch.GetTimestamp();
                var session = await NaiveConversion.RunAsync(client, clock, image, Prompt, Path.Combine(outputs, $"naive-{i:D3}.mp4"), cancellationToken);
                lock (sessions)
                {
                    sessions.Add(session);
                    seconds.Add(Stopwatch.GetElapsedTime(started).TotalSeconds / timeScale);
                }
            }
            catch (Exception exception) when (exception is InvalidOperationException or NemoApiException or IOException)
            {
                Interlocked.Increment(ref failures);
                Console.Error.WriteLine($"naive #{i}: {exception.Message}");
            }
            finally
            {
                gate.Release();
            }
        }));

        return new SideResult(sessions, seconds, failures);
    }

    private static async Task<SideResult> RunPipelineAsync(NemoSimulator simulator, BenchDirectory work, int conversions, int concurrency, double timeScale, CancellationToken cancellationToken)
    {
        var inputs = Directory.CreateDirectory(Path.Combine(work.Path, "inputs")).FullName;
        File.Copy(SampleImage.Path, Path.Combine(inputs, "photo.jpg"));
        var settings = new HostSettings { StateDirectory = Path.Combine(work.Path, "state"), NemoUrl = simulator.BaseAddress, TimeScale = timeScale };
        await using var host = await NemoHost.StartAsync(settings, Path.Combine(work.Path, "pipeline-out"), inputs, cancellationToken);

        var sessions = new List<string>();
        var seconds = new List<double>();
        var failures = 0;
        using var gate = new SemaphoreSlim(concurrency);
        await Task.WhenAll(Enumerable.Range(0, conversions).Select(async i =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                var started = Stopwatch.GetTimestamp();
                var id = string.Create(CultureInfo.InvariantCulture, $"bench-{i:D3}");
                await host.Runtime.ScheduleAsync(ConversionWorkflow.Conversion, id, new ConversionRequest($"pipeline-{i:D3}", ["photo.jpg"], Prompt), cancellationToken);
                var instance = await host.Runtime.WaitForCompletionAsync(id, cancellationToken);
                var result = instance.Output?.Deserialize<ConversionResult>(ConversionJson.Options);
                if (result is not { Status: ConversionStatus.Succeeded, SessionId: { } session })
                {
                    Interlocked.Increment(ref failures);
                    Console.Error.WriteLine($"pipeline #{i}: {result?.Failure?.Reason ?? instance.Error}");
                    return;
                }

                lock (sessions)
                {
                    sessions.Add(session);
                    seconds.Add(Stopwatch.GetElapsedTime(started).TotalSeconds / timeScale);
                }
            }
            finally
            {
                gate.Release();
            }
        }));

        return new SideResult(sessions, seconds, failures);
    }

    private static double Row(string side, SideResult result, IReadOnlyList<SimulatedRender> renders)
    {
        var sessions = result.Sessions.ToHashSet(StringComparer.Ordinal);
        var mine = renders.Where(render => sessions.Contains(render.SessionId)).ToList();
        var delays = mine.Where(render => render.DetectionDelay is not null).Select(render => render.DetectionDelay!.Value.TotalSeconds).ToList();
        var calls = mine.Select(render => (double)render.StatusCalls).ToList();
        var p50 = Percentiles.Of(delays, 50);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {side} | {result.Sessions.Count} ({result.Failures} failed) | {p50:0.0} s | {Percentiles.Of(delays, 95):0.0} s | {calls.Average():0.0} / {calls.Max():0} | {Percentiles.Of(result.Seconds, 50):0} s | {Percentiles.Of(result.Seconds, 95):0} s |"));
        return p50;
    }

    private sealed record SideResult(List<string> Sessions, List<double> Seconds, int Failures);
}
