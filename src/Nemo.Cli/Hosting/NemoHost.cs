using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Nemo.Cli.Commands;
using Nemo.Cli.Events;
using Nemo.Cli.Runtime;
using Nemo.Cli.Storage;
using Nemo.Client;
using Nemo.Conversions;
using Nemo.Simulator;

namespace Nemo.Cli.Hosting;

/// <summary>
/// The composition root of the command, on the Generic Host: the Nemo client, the conversion pipeline, the folder store
/// and ledger, the event sinks and the journaled runtime, over one state folder; optionally a simulator in-process.
/// Options are validated when the host starts, so a bad setting stops <c>nemo</c> before anything is read or spent.
/// </summary>
internal sealed class NemoHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly NemoSimulator? _simulator;

    private NemoHost(IHost host, NemoSimulator? simulator, HostSettings settings, FolderMediaStore store)
    {
        _host = host;
        _simulator = simulator;
        Settings = settings;
        Store = store;
        Runtime = host.Services.GetRequiredService<LocalOrchestrationRuntime>();
    }

    public HostSettings Settings { get; }

    public IServiceProvider Services => _host.Services;

    public FolderMediaStore Store { get; }

    public LocalOrchestrationRuntime Runtime { get; }

    public Uri NemoUrl => Services.GetRequiredService<IOptions<NemoClientOptions>>().Value.BaseAddress;

    /// <summary>Builds the host; starts the simulator first when asked.</summary>
    /// <param name="settings">The common options.</param>
    /// <param name="outputDirectory">Where outputs and result files go.</param>
    /// <param name="inputRoot">What relative input keys resolve against.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <param name="resume">Whether the runtime resumes the unfinished instances of the state folder (false: read only).</param>
    /// <exception cref="UsageException">A setting is invalid; the message names it, on one line.</exception>
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
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ApplicationName = "nemo" });
            builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateScopes = true }));
            var services = builder.Services;
            services.AddSingleton<IHostLifetime, CommandLifetime>();
            if (settings.Verbose)
            {
                builder.Logging.AddSimpleConsole(o => o.SingleLine = true).AddFilter(level => level >= LogLevel.Information);
                services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            }

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
            // Against a simulator whose clock runs 1/scale times faster, the runtime's waits are shortened by the scale but
            // its clock stays the real one: every time nemo records and shows (result.json, instance status, CloudEvents)
            // is a true wall-clock time, while the demo stays fast.
            services.AddSingleton(sp => CreateRuntime(sp, state, scale ?? 1));
            services.AddSingleton<IConversionScheduler>(sp => sp.GetRequiredService<LocalOrchestrationRuntime>());
            var host = new NemoHost(await StartHostAsync(builder.Build(), cancellationToken), simulator, settings, store);
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
        await _host.StopAsync(CancellationToken.None);
        await DisposeAsync(_host);
        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }
    }

    /// <summary>Starts <paramref name="host"/>, which validates every option registered with <c>ValidateOnStart</c>.</summary>
    private static async Task<IHost> StartHostAsync(IHost host, CancellationToken cancellationToken)
    {
        try
        {
            await host.StartAsync(cancellationToken);
            return host;
        }
        catch (Exception ex) when (Failures(ex) is { Count: > 0 } failures)
        {
            await DisposeAsync(host);
            throw new UsageException("invalid setting: " + string.Join(" ", failures));
        }
        catch
        {
            await DisposeAsync(host);
            throw;
        }

        static List<string> Failures(Exception ex) => ex switch
        {
            OptionsValidationException invalid => [.. invalid.Failures],
            AggregateException all => [.. all.InnerExceptions.OfType<OptionsValidationException>().SelectMany(e => e.Failures)],
            _ => [],
        };
    }

    private static async ValueTask DisposeAsync(IHost host)
    {
        if (host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        else
        {
            host.Dispose();
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

    private static LocalOrchestrationRuntime CreateRuntime(IServiceProvider services, string state, double timerScale) =>
        new(
            new LocalRuntimeOptions { StateDirectory = state, TimerScale = timerScale },
            services,
            ConversionWorkflow.Orchestrators,
            ConversionWorkflow.Activities,
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILoggerFactory>());
}
