using System.Globalization;
using Nemo.Benchmarks.Engine;
using Nemo.Benchmarks.Infrastructure;
using Nemo.Benchmarks.Pipeline;
using Nemo.Benchmarks.Uploads;
using Nemo.Simulator;

// Benchmarks (not tests): each prints a Markdown table for bench/README.md.
//   upload-memory [--sizes 50,200]   peak memory growth of the client while uploading generated images
//   pipeline [--conversions 50] [--concurrency 4] [--time-scale 0.01]
//                                    the pipeline side by side with the naive fixed-30 s baseline
//   throughput [--conversions 200] [--concurrency 8] [--time-scale 0.01]
//                                    one batch through the nemo host: nothing lost, nothing spent twice
//   spend [--time-scale 0.01]        credits spent per delivered video across the simulator's fault scenarios
//   engine [--sides memory,azure-storage,local] [--long-render 180]
//                                    one conversion on the real Durable engine beside the local runtime, in real time:
//                                    end-to-end time, activity executions, history events (normal and long render)
//   simulator                        (internal) hosts the simulator for a benchmark's child process
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

var command = args.Length > 0 ? args[0] : "upload-memory";
switch (command)
{
    case "upload-memory":
        var sizes = Option(args, "--sizes", "50,200").Split(',').Select(long.Parse).ToArray();
        return await UploadMemoryBenchmark.RunAsync(sizes, cancellation.Token);

    case "pipeline":
        return await PipelineBenchmark.RunAsync(
            int.Parse(Option(args, "--conversions", "50"), CultureInfo.InvariantCulture),
            int.Parse(Option(args, "--concurrency", "4"), CultureInfo.InvariantCulture),
            double.Parse(Option(args, "--time-scale", "0.01"), CultureInfo.InvariantCulture),
            cancellation.Token);

    case "throughput":
        return await ThroughputBenchmark.RunAsync(
            int.Parse(Option(args, "--conversions", "200"), CultureInfo.InvariantCulture),
            int.Parse(Option(args, "--concurrency", "8"), CultureInfo.InvariantCulture),
            double.Parse(Option(args, "--time-scale", "0.01"), CultureInfo.InvariantCulture),
            cancellation.Token);

    case "spend":
        return await SpendBenchmark.RunAsync(double.Parse(Option(args, "--time-scale", "0.01"), CultureInfo.InvariantCulture), cancellation.Token);

    case "engine":
        return await EngineBenchmark.RunAsync(
            Option(args, "--sides", string.Join(',', EngineBenchmark.AllSides)).Split(','),
            TimeSpan.FromSeconds(int.Parse(Option(args, "--long-render", "180"), CultureInfo.InvariantCulture)),
            cancellation.Token);

    case "simulator":
        await using (var simulator = await NemoSimulator.StartAsync(new SimulatorOptions { TimeScale = 0.01, StartingCredits = 1_000_000 }, cancellation.Token))
        {
            Console.WriteLine(SimulatorProcess.ReadyPrefix + simulator.BaseAddress);
            // Runs until the parent kills it (or stdin closes when run by hand).
            await Console.In.ReadToEndAsync(cancellation.Token);
        }

        return 0;

    default:
        Console.Error.WriteLine($"Unknown benchmark '{command}'. Available: upload-memory, pipeline, throughput, engine.");
        return 2;
}

static string Option(string[] args, string name, string fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}
