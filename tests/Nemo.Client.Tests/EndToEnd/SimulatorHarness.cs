using Microsoft.Extensions.DependencyInjection;
using Nemo.Simulator;

namespace Nemo.Client.Tests.EndToEnd;

/// <summary>
/// A <see cref="NemoSimulator"/> on loopback and <see cref="NemoClient"/>s built the way an application builds
/// them (<c>AddNemoClient</c>), sharing one temporary token file. Simulated time runs 100× faster than real time
/// and the simulated delays are shortened, so a whole job takes well under a second of real time.
/// </summary>
internal sealed partial class SimulatorHarness : IAsyncDisposable
{
    public const string SkillVersion = "2.5.0-e2e";
    public const string SkillPlatform = "github";

    /// <summary>Render polls in these tests: a fixed, short interval on the real clock.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);

    private readonly Action<NemoClientOptions>? _configureClient;
    private readonly TimeProvider? _timeProvider;
    private readonly List<ServiceProvider> _providers = [];
    private readonly CancellationTokenSource _deadline = new(TimeSpan.FromSeconds(30));

    private SimulatorHarness(NemoSimulator simulator, string directory, Action<NemoClientOptions>? configureClient, TimeProvider? timeProvider)
    {
        Simulator = simulator;
        WorkDirectory = directory;
        _configureClient = configureClient;
        _timeProvider = timeProvider;
        Client = CreateClient();
    }

    public NemoSimulator Simulator { get; }

    /// <summary>The first client (profile <c>best</c> unless configured).</summary>
    public NemoClient Client { get; }

    /// <summary>A temporary folder for the token file and downloads; deleted on dispose.</summary>
    public string WorkDirectory { get; }

    public string TokenStorePath => Path.Combine(WorkDirectory, "token", "anonymous-token.json");

    /// <summary>Cancels every call of a test that hangs, so it fails instead (a safety net; no assertion depends on it).</summary>
    public CancellationToken Deadline => _deadline.Token;

    public RequestJournal Journal => Simulator.Journal;

    public static async Task<SimulatorHarness> StartAsync(
        Action<SimulatorOptions>? configureSimulator = null,
        Action<NemoClientOptions>? configureClient = null,
        TimeProvider? timeProvider = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "nemo-e2e-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var options = FastSimulatorOptions.Create(directory);
        configureSimulator?.Invoke(options);
        var simulator = await NemoSimulator.StartAsync(options);
        return new SimulatorHarness(simulator, directory, configureClient, timeProvider);
    }

    /// <summary>Another client as a separate process would build it: its own container, the same options and token file.</summary>
    public NemoClient CreateClient()
    {
        var services = new ServiceCollection();
        if (_timeProvider is not null)
        {
            services.AddSingleton(_timeProvider);
        }

        services.AddNemoClient(o =>
        {
            o.BaseAddress = Simulator.BaseAddress;
            o.TokenStorePath = TokenStorePath;
            o.SkillVersion = SkillVersion;
            o.SkillPlatform = SkillPlatform;
            o.BaseDelay = TimeSpan.FromMilliseconds(5);
            o.MaxRetryDelay = TimeSpan.FromMilliseconds(50);
            o.RequestTimeout = TimeSpan.FromSeconds(20);
            _configureClient?.Invoke(o);
        });
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider.GetRequiredService<NemoClient>();
    }

    public string TempFile(string name) => Path.Combine(WorkDirectory, name);

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        await Simulator.DisposeAsync();
        _deadline.Dispose();
        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the OS; the temp folder is cleaned eventually.
        }
    }
}
