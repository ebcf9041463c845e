using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Nemo.Simulator;

/// <summary>
/// A stand-in Nemo server running in-process on a loopback port:
/// <c>await using var sim = await NemoSimulator.StartAsync(new SimulatorOptions { TimeScale = 0.01 }, ct);</c>.
/// </summary>
public sealed class NemoSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SimulatorRuntime _runtime;

    private NemoSimulator(WebApplication app, Uri baseAddress)
    {
        _app = app;
        _runtime = app.Services.GetRequiredService<SimulatorRuntime>();
        BaseAddress = baseAddress;
        Accounts = new SimulatorAccounts(_runtime.State);
    }

    /// <summary>Every render so far, in start order, with when it became final and when a poll first saw it.</summary>
    public IReadOnlyList<SimulatedRender> Renders => _runtime.State.RenderReport();

    /// <summary>Where the simulator listens, e.g. <c>http://127.0.0.1:49152/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The options it runs with (do not change them after start).</summary>
    public SimulatorOptions Options => _runtime.Options;

    /// <summary>Every request received.</summary>
    public RequestJournal Journal => _runtime.Journal;

    /// <summary>The active faults; add and remove at any time.</summary>
    public FaultSet Faults => _runtime.Faults;

    /// <summary>Server-side state controls: credits, token expiry, lost sessions.</summary>
    public SimulatorAccounts Accounts { get; }

    /// <summary>The simulator's scaled clock (simulated time runs <c>1 / TimeScale</c> times faster than real time).</summary>
    public TimeProvider Clock => _runtime.Clock;

    /// <summary>The instance's folder of uploads and outputs (deleted on dispose).</summary>
    public string StorageDirectory => _runtime.Storage.Root;

    /// <summary>Whether outputs are built with ffmpeg (false: the bundled MP4 is served).</summary>
    public bool UsesFfmpeg => _app.Services.GetRequiredService<FfmpegRunner>().Path is not null;

    /// <summary>Starts a simulator on <c>http://127.0.0.1:0</c> (an ephemeral port).</summary>
    /// <param name="options">The options; null uses the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running simulator; dispose it to stop it and delete its files.</returns>
    public static Task<NemoSimulator> StartAsync(SimulatorOptions? options = null, CancellationToken cancellationToken = default) =>
        StartAsync(options, configureLogging: null, cancellationToken);

    /// <summary>
    /// Starts a simulator on <c>http://127.0.0.1:0</c> whose logging <paramref name="configureLogging"/> adjusts (by
    /// default warnings and errors go to the console), e.g. to read what it says in a test.
    /// </summary>
    /// <param name="options">The options; null uses the defaults.</param>
    /// <param name="configureLogging">Applied after the default logging set-up; null keeps it.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running simulator; dispose it to stop it and delete its files.</returns>
    public static async Task<NemoSimulator> StartAsync(SimulatorOptions? options, Action<ILoggingBuilder>? configureLogging, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(NemoSimulator).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        configureLogging?.Invoke(builder.Logging);
        var app = SimulatorApplication.Build(builder, options ?? new SimulatorOptions());
        try
        {
            await app.StartAsync(cancellationToken);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new NemoSimulator(app, new Uri(address.TrimEnd('/') + "/"));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the server and deletes its uploads and outputs.</summary>
    /// <returns>A task that completes when stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
