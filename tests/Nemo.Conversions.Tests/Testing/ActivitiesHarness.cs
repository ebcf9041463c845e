using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Nemo.Client;
using Nemo.Simulator;

namespace Nemo.Conversions.Tests.Testing;

/// <summary>
/// The simulator on loopback (simulated time 100× faster) and <see cref="ConversionActivities"/> built the way a host
/// builds them (<c>AddNemoClient</c> + <c>AddConversions</c>), over in-memory store, ledger and event sink.
/// </summary>
internal sealed class ActivitiesHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string _directory;

    private ActivitiesHarness(NemoSimulator simulator, ServiceProvider services, string directory)
    {
        Simulator = simulator;
        _services = services;
        _directory = directory;
        Activities = services.GetRequiredService<ConversionActivities>();
    }

    public NemoSimulator Simulator { get; }

    public ConversionActivities Activities { get; }

    public IServiceProvider Services => _services;

    public InMemoryMediaStore Store { get; private set; } = null!;

    public InMemorySpendLedger Ledger { get; private set; } = null!;

    public RecordingEventSink Events { get; private set; } = null!;

    public CancellationToken Deadline { get; } = new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    public static async Task<ActivitiesHarness> StartAsync(Action<SimulatorOptions>? configure = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "nemo-conv-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var options = FastSimulatorOptions.Create(directory);
        configure?.Invoke(options);
        var simulator = await NemoSimulator.StartAsync(options);
        var store = new InMemoryMediaStore();
        var ledger = new InMemorySpendLedger();
        var events = new RecordingEventSink();
        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<IMediaStore>(store);
        services.AddSingleton<ISpendLedger>(ledger);
        services.AddSingleton<IConversionEventSink>(events);
        services.AddNemoClient(o =>
        {
            o.BaseAddress = simulator.BaseAddress;
            o.TokenStorePath = Path.Combine(directory, "token.json");
            o.BaseDelay = TimeSpan.FromMilliseconds(5);
            o.MaxRetryDelay = TimeSpan.FromMilliseconds(50);
            o.RateLimitMinimumDelay = TimeSpan.FromMilliseconds(10);
            o.MaxRateLimitDelay = TimeSpan.FromMilliseconds(50);
            o.RequestTimeout = TimeSpan.FromSeconds(20);
        });
        services.AddConversions(o => o.EventSource = "/test/conversions");
        return new ActivitiesHarness(simulator, services.BuildServiceProvider(), directory).WithFakes(store, ledger, events);
    }

    private ActivitiesHarness WithFakes(InMemoryMediaStore store, InMemorySpendLedger ledger, RecordingEventSink events)
    {
        Store = store;
        Ledger = ledger;
        Events = events;
        return this;
    }

    /// <summary>Puts a PNG into the store and returns its validated description.</summary>
    public ImageInfo AddImage(string key = "in/beach.png")
    {
        var bytes = TestImages.Png(64, 48);
        Store.Inputs[key] = bytes;
        return new ImageInfo(key, key.Split('/')[^1], "png", bytes.Length);
    }

    public async Task<string> SessionWithImageAsync()
    {
        var session = await Activities.CreateSessionAsync(new CreateSessionInput("best", "en"), Deadline);
        Assert.True(session.Succeeded, session.Failure?.Reason);
        var upload = await Activities.UploadImagesAsync(new UploadImagesInput("best", session.Value!.SessionId, [AddImage()]), Deadline);
        Assert.True(upload.Succeeded, upload.Failure?.Reason);
        return session.Value.SessionId;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Simulator.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Cleaned up eventually.
        }
    }
}
