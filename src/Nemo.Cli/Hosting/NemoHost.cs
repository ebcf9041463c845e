using Microsoft.Extensions.DependencyInjection.Extensions;
using Nemo.Cli.Events;
using Nemo.Cli.Runtime;
using Nemo.Cli.Storage;
using Nemo.Client;
using Nemo.Conversions;
using Nemo.Simulator;

namespace Nemo.Cli.Hosting;

/// <summary>
/// The composition root of the command: the Nemo client, the conversion pipeline, the folder store and ledger, the event
/// sinks and the journaled runtime, over one state folder; optionally a simulator in-process.
/// </summary>
internal sealed class NemoHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly NemoSimulator? _simulator;

    private NemoHost(ServiceProvider services, NemoSimulator? simulator, HostSettings settings, FolderMediaStore store)
    {
        _services = services;
        _simulator = simulator;
        Settings = settings;
        Store = store;
        Runtime = services.GetRequiredService<LocalOrchestrationRuntime>();
    }

    public HostSettings Settings { get; }

    public IServiceProvider Services => _services;

    public FolderMediaStore Store { get; }

    public LocalOrchestrationRuntime Runtime { get; }

    public Uri NemoUrl => _services.GetRequiredService<Microsoft.Extensions.Options.IOptions<NemoClientOptions>>().Value.BaseAddress;

    /// <summary>Builds the host; starts the simulator first when asked.</summary>
    /// <param name="settings">The common options.</param>
    /// <param name="outputDirectory">Where outputs and result files go.</param>
    /// <param name="inputRoot">What relative input keys resolve against.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <param name="resume">Whether the runtime resumes the unfinished instances of the state folder (false: read only).</param>
    public static async Task<NemoHost> StartAsync(HostSettings settings, string outputDirectory, string inputRoot, CancellationToken cancellationToken, bool resume = true)
    {
        var state = Path.GetFullPath(settings.StateDirectory);
        Directory.CreateDirectory(state);
        NemoSimulator? simulator = null;
        var nemoUrl = settings.NemoUrl;
        var scale = settings.TimeScale ?? (settings.UseSimulator ? HostSettings.DefaultSimulatorTimeScale : null);
        if (settings.UseSimulator)
        {
            simulator = await NemoSimulator.StartAsync(CreateSimulatorOptions(scale!.Value), cancellationToken);
            nemoUrl = simulator.BaseAddress;
        }

        try
        {
            var store = new FolderMediaStore(inputRoot, outputDirectory, Path.Combine(state, "staged"));
            var services = new ServiceCollection();
            services.AddLogging(logging =>
            {
                if (settings.Verbose)
                {
                    logging.AddSimpleConsole(o => o.SingleLine = true).AddFilter(level => level >= LogLevel.Information);
                    logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
                }
            });
            services.TryAddSingleton(TimeProvider.System);
            services.AddNemoClient(options =>
            {
                if (nemoUrl is not null)
                {
                    options.BaseAddress = nemoUrl;
                }

                options.Token = settings.NemoToken;
                options.TokenStorePath = Path.Combine(state, "anonymous-token.json");
            });
            services.AddConversions(options => options.EventSource = "/nemo/cli");
            services.AddSingleton<IMediaStore>(store);
            services.AddSingleton<ISpendLedger>(new FileSpendLedger(Path.Combine(state, "ledger")));
            services.AddSingleton<IConversionEventSink>(sp => CreateEventSink(sp, settings, state));
            var runtimeTime = scale is { } s ? new ScaledTimeProvider(TimeProvider.System, s) : TimeProvider.System;
            services.AddSingleton(sp => CreateRuntime(sp, state, runtimeTime));
            services.AddSingleton<IConversionScheduler>(sp => sp.GetRequiredService<LocalOrchestrationRuntime>());
            var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false, ValidateScopes = true });
            var host = new NemoHost(provider, simulator, settings, store);
            if (resume)
            {
                await host.Runtime.StartAsync(cancellationToken);
            }

            return host;
        }
        catch
        {
            if (simulator is not null)
            {
                await simulator.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>The options of the in-process simulator: scaled time and credits enough to try many conversions.</summary>
    public static SimulatorOptions CreateSimulatorOptions(double timeScale) => new()
    {
        TimeScale = timeScale,
        StartingCredits = 1_000_000,
    };

    public async ValueTask DisposeAsync()
    {
        // The runtime stops first (cleanly: unfinished instances resume next time), then its services.
        await Runtime.DisposeAsync();
        await _services.DisposeAsync();
        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }
    }

    private static CompositeEventSink CreateEventSink(IServiceProvider services, HostSettings settings, string state)
    {
        var sinks = new List<IConversionEventSink> { new FileEventSink(settings.EventsFile ?? Path.Combine(state, "events.jsonl")) };
        if (settings.WebhookUrl is { } url)
        {
            sinks.Add(new WebhookEventSink(
                services.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(WebhookEventSink)),
                url,
                services.GetRequiredService<TimeProvider>(),
                services.GetService<ILogger<WebhookEventSink>>()));
        }

        return new CompositeEventSink(sinks);
    }

    private static LocalOrchestrationRuntime CreateRuntime(IServiceProvider services, string state, TimeProvider time) =>
        new(new LocalRuntimeOptions { StateDirectory = state }, services, ConversionWorkflow.Orchestrators, ConversionWorkflow.Activities, time, services.GetRequiredService<ILoggerFactory>());
}
