using System.Globalization;
using Nemo.Functions.Tests.Azurite;
using Nemo.Simulator;

namespace Nemo.Benchmarks.Engine;

/// <summary>
/// One conversion of the sample image on the real Durable Task engine (the Functions app's own functions; in-memory
/// backend, and DurableTask.AzureStorage on Azurite) beside the local runtime, for a normal render and a long one, in
/// real time: end-to-end time, activity executions and the history events persisted per conversion.
/// </summary>
internal static class EngineBenchmark
{
    /// <summary>The target of issue #9: the history of one conversion stays at or under this many events.</summary>
    public const int HistoryEventTarget = 300;

    public const string Prompt = "animate this image with a slow zoom-in and leftward pan";

    /// <summary>Generous: the first status check alone waits the profile's 30 s, and a long render is minutes.</summary>
    public static readonly TimeSpan ConversionTimeout = TimeSpan.FromMinutes(15);

    public static readonly string[] AllSides = ["memory", "azure-storage", "local"];

    public static async Task<int> RunAsync(IReadOnlyCollection<string> sides, TimeSpan longRender, CancellationToken cancellationToken)
    {
        var unknown = sides.Except(AllSides, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            Console.Error.WriteLine($"Unknown side(s) {string.Join(", ", unknown)}. Available: {string.Join(", ", AllSides)}.");
            return 2;
        }

        // One Azurite serves every engine conversion; each has containers (and, on Azure Storage, a task hub) of its own.
        await using var azurite = sides.Any(side => side != "local") ? await AzuriteServer.StartAsync(cancellationToken) : null;
        var figures = new List<ConversionFigures>();
        foreach (var render in new[] { RenderLength.Normal, RenderLength.Fixed(longRender) })
        {
            foreach (var side in sides)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{side}, {render.Label} render..."));
                var conversion = await RunAsync(side, render, azurite, cancellationToken);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {(conversion.Succeeded ? "succeeded" : "FAILED")} in {conversion.EndToEnd.TotalSeconds:0.0} s, {conversion.History.Count} history events"));
                figures.Add(conversion);
            }
        }

        EngineReport.Print(figures);
        var engineMost = figures.Where(f => f.Side != LocalConversion.Side).Select(f => f.History.Count).DefaultIfEmpty().Max();
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"most history events per conversion on the engine: {engineMost} (target: at most {HistoryEventTarget})"));
        return figures.All(f => f.Succeeded) && engineMost <= HistoryEventTarget ? 0 : 1;
    }

    /// <summary>
    /// The simulator for one conversion, in real time (time scale 1) because the engine's durable timers are real time.
    /// The agent's generation is shortened from 100–300 s to 10–20 s: it is one activity however long it takes.
    /// </summary>
    internal static SimulatorOptions SimulatorOptionsFor(RenderLength render)
    {
        var options = new SimulatorOptions
        {
            TimeScale = 1,
            Seed = 7,
            StartingCredits = 1_000_000,
            UseFfmpeg = false,
            GenerationDelayMin = TimeSpan.FromSeconds(10),
            GenerationDelayMax = TimeSpan.FromSeconds(20),
        };
        if (render.Duration is { } duration)
        {
            (options.RenderDurationMin, options.RenderDurationMax) = (duration, duration);
        }

        return options;
    }

    private static async Task<ConversionFigures> RunAsync(string side, RenderLength render, AzuriteServer? azurite, CancellationToken cancellationToken)
    {
        if (side == "local")
        {
            return await LocalConversion.RunAsync(render, cancellationToken);
        }

        ArgumentNullException.ThrowIfNull(azurite);
        await using EngineBackend backend = side == "memory"
            ? new InMemoryBackend()
            : await AzureStorageBackend.CreateAsync(azurite.ConnectionString);
        return await EngineConversion.RunAsync(backend, azurite.ConnectionString, render, cancellationToken);
    }
}
