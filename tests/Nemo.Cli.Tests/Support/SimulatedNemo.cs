using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nemo.Cli.Hosting;
using Nemo.Cli.Runtime;
using Nemo.Conversions;
using Nemo.Simulator;

namespace Nemo.Cli.Tests.Support;

/// <summary>
/// A simulator on loopback with scaled time plus a temp folder holding the state and output folders, and the common
/// arguments that point <c>nemo</c> at them.
/// </summary>
internal sealed class SimulatedNemo : IAsyncDisposable
{
    private SimulatedNemo(NemoSimulator simulator, TempFolder folder, double timeScale)
    {
        Simulator = simulator;
        Folder = folder;
        TimeScale = timeScale;
    }

    public double TimeScale { get; }

    public NemoSimulator Simulator { get; }

    public TempFolder Folder { get; }

    public string StateDirectory => Folder.Combine("state");

    public string OutputDirectory => Folder.Combine("out");

    public string[] CommonArgs =>
        ["--state-dir", StateDirectory, "--nemo-url", Simulator.BaseAddress.ToString(), "--simulator-time-scale", TimeScale.ToString(CultureInfo.InvariantCulture)];

    /// <summary>
    /// Points <c>nemo</c> at the simulator with the local clock at real time: durable timers are not scaled, so the
    /// first render check waits the profile's full typical render time while the simulator's renders finish at its scale.
    /// </summary>
    public string[] RealTimeArgs => ["--state-dir", StateDirectory, "--nemo-url", Simulator.BaseAddress.ToString()];

    /// <summary>
    /// Starts the simulator at <paramref name="timeScale"/>, <c>nemo</c>'s own default for <c>--simulator</c>: the
    /// profile's 5-minute render deadline is then 6 s of real time, room enough for the simulator's real ffmpeg encode
    /// on a busy 2-core machine (at 0.01 a slow encode outlasted the 3 s and the render was given up).
    /// </summary>
    public static async Task<SimulatedNemo> StartAsync(Action<SimulatorOptions>? configure = null, double timeScale = HostSettings.DefaultSimulatorTimeScale)
    {
        var options = NemoHost.CreateSimulatorOptions(timeScale);
        // A clear prompt always drafts at once: the tests are about the command, not the agent's moods.
        options.NoTextProbability = 0;
        configure?.Invoke(options);
        return new SimulatedNemo(await NemoSimulator.StartAsync(options), new TempFolder(), timeScale);
    }

    /// <summary>
    /// A simulator whose renders take 150–200 simulated seconds (under the pipeline's 5-minute deadline), 7.5–10 s of real
    /// time at scale 0.05: long enough that a kill or a signal lands while the render runs, even on a busy machine.
    /// </summary>
    public static Task<SimulatedNemo> StartWithLongRendersAsync() => StartAsync(
        options =>
        {
            options.RenderDurationMin = TimeSpan.FromSeconds(150);
            options.RenderDurationMax = TimeSpan.FromSeconds(200);
        },
        timeScale: 0.05);

    public Task<CliResult> ConvertAsync(string[] images, params string[] extra) =>
        NemoCli.RunAsync([.. CommonArgs, "convert", .. images, "--out", OutputDirectory, .. extra]);

    public int Count(SimulatorEndpoint endpoint) => Simulator.Journal.Count(endpoint);

    /// <summary>Replays every finished instance of the state folder against its history (fails on non-determinism).</summary>
    public async Task VerifyReplaysAsync()
    {
        var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        await using var runtime = new LocalOrchestrationRuntime(
            new LocalRuntimeOptions { StateDirectory = StateDirectory },
            services,
            ConversionWorkflow.Orchestrators,
            ConversionWorkflow.Activities,
            TimeProvider.System,
            services.GetRequiredService<ILoggerFactory>());
        foreach (var instance in await runtime.ListAsync(1000))
        {
            if (instance.Status is InstanceStatus.Completed or InstanceStatus.Failed)
            {
                await runtime.VerifyReplayAsync(instance.InstanceId);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Simulator.DisposeAsync();
        Folder.Dispose();
    }
}
