using System.Globalization;
using System.Text.Json;
using Nemo.Cli.Hosting;
using Nemo.Conversions;
using Nemo.Simulator;

namespace Nemo.Benchmarks.Pipeline;

/// <summary>
/// Credits spent per delivered video across the faults the simulator offers: one conversion per scenario through the
/// <c>nemo</c> host, each against a fresh simulator (scaled time), its spend read from the result's credits before and
/// after. The goal is that only the unavoidable costs more than one video's generation: a session Nemo loses after it
/// generated the draft has to be prompted again in a new one.
/// </summary>
internal static class SpendBenchmark
{
    private const string Prompt = "animate this image with a slow zoom-in and leftward pan";

    /// <summary>A fault scenario: its name, how the simulator is set up, and whether its extra spend is unavoidable.</summary>
    private sealed record Scenario(string Name, Action<NemoSimulator> Arrange, Action<SimulatorOptions>? Configure = null, bool ExtraUnavoidable = false);

    private static readonly Scenario[] Scenarios =
    [
        new("no fault", _ => { }),
        new("503 on the upload, once", s => s.Faults.Add(Fault.On(SimulatorEndpoint.Upload).ServerError(503).Once())),
        new("connection reset on the upload, once", s => s.Faults.Add(Fault.On(SimulatorEndpoint.Upload).ConnectionReset().Once())),
        new("session lost at the upload (1002), once", s => s.Faults.Add(Fault.On(SimulatorEndpoint.Upload).SessionLost().Once())),
        new("429 on the prompt, once", s => s.Faults.Add(Fault.On(SimulatorEndpoint.RunSse).RateLimited(TimeSpan.FromSeconds(30)).Once())),
        new("token expired on the prompt (1001), once", s => s.Faults.Add(Fault.On(SimulatorEndpoint.RunSse).TokenExpired().Once())),
        new("reply stream dropped mid-way, once", s => s.Faults.Add(Fault.On(SimulatorEndpoint.RunSse).DropStream(2).Once())),
        new("the agent asks a question first", _ => { }, o => o.PromptQuirks = PromptQuirks.ClarifyingQuestionFirst),
        new("503 on the state read, once", s => s.Faults.Add(Fault.On(SimulatorEndpoint.State).ServerError(503).Once())),
        new("session lost after the prompt (1002 on the state read), once", s => s.Faults.Add(Fault.On(SimulatorEndpoint.State).SessionLost().Once()), ExtraUnavoidable: true),
        new("render failed, once", s => s.Faults.Add(Fault.On(SimulatorEndpoint.RenderStart).RenderFailed().Once())),
        new("render unknown to Nemo (404), once", s => s.Faults.Add(Fault.On(SimulatorEndpoint.RenderStatus).NemoError(404, "Render not found").Once())),
        new("429 on a render check, once", s => s.Faults.Add(Fault.On(SimulatorEndpoint.RenderStatus).RateLimited(TimeSpan.FromSeconds(30)).Once())),
        new("download cut short, once", s => s.Faults.Add(Fault.On(SimulatorEndpoint.OutputFile).TruncatedDownload().Once())),
    ];

    public static async Task<int> RunAsync(double timeScale, CancellationToken cancellationToken)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"One conversion per fault scenario, time scale {timeScale}, a fresh simulator each"));
        Console.WriteLine();
        Console.WriteLine("| scenario | delivered | credits spent | prompts sent | renders started | extra spend |");
        Console.WriteLine("|---|---:|---:|---:|---:|---|");
        decimal total = 0, baseline = 0, avoidable = 0;
        var delivered = 0;
        foreach (var scenario in Scenarios)
        {
            var (ok, spent, prompts, renders) = await RunAsync(scenario, timeScale, cancellationToken);
            if (scenario == Scenarios[0])
            {
                baseline = spent;
            }

            var extra = spent - baseline;
            var verdict = extra <= 0 ? "none" : scenario.ExtraUnavoidable ? $"{extra:N0} (unavoidable: a new session needs a new prompt)" : $"**{extra:N0} avoidable**";
            avoidable += extra > 0 && !scenario.ExtraUnavoidable ? extra : 0;
            total += spent;
            delivered += ok ? 1 : 0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {scenario.Name} | {(ok ? "yes" : "**no**")} | {spent:N0} | {prompts} | {renders} | {verdict} |"));
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{delivered} of {Scenarios.Length} delivered; {total:N0} credits in all, {(delivered == 0 ? 0 : total / delivered):N0} per delivered video (one video's generation: {baseline:N0}); avoidable extra spend: {avoidable:N0}"));
        return delivered == Scenarios.Length && avoidable == 0 ? 0 : 1;
    }

    private static async Task<(bool Delivered, decimal Spent, int Prompts, int Renders)> RunAsync(Scenario scenario, double timeScale, CancellationToken cancellationToken)
    {
        using var work = new BenchDirectory();
        var options = PipelineBenchmark.SimulatorOptionsFor(timeScale);
        scenario.Configure?.Invoke(options);
        await using var simulator = await NemoSimulator.StartAsync(options, cancellationToken);
        scenario.Arrange(simulator);
        var inputs = Directory.CreateDirectory(Path.Combine(work.Path, "inputs")).FullName;
        File.Copy(SampleImage.Path, Path.Combine(inputs, "photo.jpg"));
        var outputs = Path.Combine(work.Path, "out");
        var settings = new HostSettings { StateDirectory = Path.Combine(work.Path, "state"), NemoUrl = simulator.BaseAddress, TimeScale = timeScale };
        await using var host = await NemoHost.StartAsync(settings, outputs, inputs, cancellationToken);

        await host.Runtime.ScheduleAsync(ConversionWorkflow.Conversion, "spend", new ConversionRequest("photo", ["photo.jpg"], Prompt), cancellationToken);
        var instance = await host.Runtime.WaitForCompletionAsync("spend", cancellationToken);
        var result = instance.Output?.Deserialize<ConversionResult>(ConversionJson.Options)
            ?? throw new InvalidOperationException($"'{scenario.Name}' ended without a result: {instance.Error}");
        var spent = result.CreditsBefore is { } before && result.CreditsAfter is { } after ? before - after : 0;
        var ok = result.Status == ConversionStatus.Succeeded && result.Output is { } output && File.Exists(Path.Combine(outputs, output));
        return (ok, spent, simulator.Journal.Count(SimulatorEndpoint.RunSse), simulator.Journal.Count(SimulatorEndpoint.RenderStart));
    }
}
