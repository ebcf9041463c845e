using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.Extensions.DependencyInjection;
using Nemo.Conversions;
using Nemo.Functions.Durable;
using Nemo.Functions.Tests.Storage;
using Nemo.Simulator;

namespace Nemo.Functions.Tests.Engine;

/// <summary>
/// One scenario's world: the simulator on loopback (its journal says what was prompted and rendered), containers of
/// its own on the run's Azurite, the Durable Task engine in-process and the Functions app's worker on it. Everything
/// is the real part; only the Functions host is absent. The engine keeps its state in memory, or in a task hub of
/// DurableTask.AzureStorage on Azurite, where it outlives a crash (<see cref="CrashAndRestartAsync"/>); or the engine is
/// <c>nemo</c>'s local runtime over the same app services (<see cref="OrchestrationEngine.Local"/>).
/// </summary>
internal sealed class AppOnEngine : IAsyncDisposable
{
    /// <summary>Long enough for a conversion whose first render check waits the profile's typical 30 s.</summary>
    public static readonly TimeSpan ConversionTimeout = TimeSpan.FromMinutes(3);

    private readonly string _simulatorFolder;
    private readonly Dictionary<string, string?> _settings;
    private readonly AzureStorageTaskHub? _taskHub;
    private readonly OrchestrationEngine _engine;
    private LocalRuntimeHost? _local;
    private int _incarnation;

    private AppOnEngine(
        NemoSimulator simulator,
        string simulatorFolder,
        AzuriteStorage storage,
        Dictionary<string, string?> settings,
        AzureStorageTaskHub? taskHub,
        OrchestrationEngine engine)
    {
        Simulator = simulator;
        _simulatorFolder = simulatorFolder;
        Storage = storage;
        _settings = settings;
        _taskHub = taskHub;
        _engine = engine;
    }

    public NemoSimulator Simulator { get; }

    public AzuriteStorage Storage { get; }

    public DurableSidecar Sidecar { get; private set; } = null!;

    public FunctionsAppHost App { get; private set; } = null!;

    public DurableTaskClient Client => App.Client;

    /// <summary>
    /// The engine as the app's code sees it: the local runtime itself, or the app's scheduler over the Durable client
    /// (what the blob trigger and the HTTP API use).
    /// </summary>
    public IConversionScheduler Scheduler =>
        _local?.Runtime ?? (IConversionScheduler)App.Services.GetRequiredService<ConversionSchedulerFactory>().Create(Client);

    /// <summary>Starts the world on the in-memory engine.</summary>
    public static Task<AppOnEngine> StartAsync(
        Action<SimulatorOptions>? configureSimulator = null,
        IReadOnlyDictionary<string, string?>? extraSettings = null) =>
        StartAsync(OrchestrationEngine.Durable, azureStorage: false, configureSimulator, extraSettings);

    /// <summary>Starts the world on <paramref name="engine"/> (the Durable one in memory, or the local runtime).</summary>
    public static Task<AppOnEngine> StartAsync(
        OrchestrationEngine engine,
        Action<SimulatorOptions>? configureSimulator = null,
        IReadOnlyDictionary<string, string?>? extraSettings = null) =>
        StartAsync(engine, azureStorage: false, configureSimulator, extraSettings);

    /// <summary>Starts the world on the production backend: a task hub of its own in DurableTask.AzureStorage on Azurite.</summary>
    public static Task<AppOnEngine> StartOnAzureStorageAsync(Action<SimulatorOptions>? configureSimulator = null) =>
        StartAsync(OrchestrationEngine.Durable, azureStorage: true, configureSimulator, extraSettings: null);

    private static async Task<AppOnEngine> StartAsync(
        OrchestrationEngine engine,
        bool azureStorage,
        Action<SimulatorOptions>? configureSimulator,
        IReadOnlyDictionary<string, string?>? extraSettings)
    {
        var folder = Path.Combine(Path.GetTempPath(), "nemo-fx-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var options = FastSimulatorOptions.Create(folder);
        options.StartingCredits = 1000;
        configureSimulator?.Invoke(options);
        var simulator = await NemoSimulator.StartAsync(options);
        var storage = new AzuriteStorage();
        await storage.InitializeAsync();
        var taskHub = azureStorage ? new AzureStorageTaskHub(storage.ConnectionString) : null;
        var world = new AppOnEngine(simulator, folder, storage, Settings(storage, simulator, extraSettings), taskHub, engine);
        await world.StartEngineAndAppAsync();
        return world;
    }

    /// <summary>
    /// The worker dies mid-flight and its host with it, as when a Functions instance is lost: the app's worker is
    /// stopped without grace (in-flight calls cancelled, nothing drained), the engine instance that served it goes, and a
    /// new engine instance (a new worker id) with a fresh worker starts on the same task hub. Only the task hub's state
    /// carries over, so this needs the Azure Storage backend.
    /// </summary>
    public async Task CrashAndRestartAsync()
    {
        if (_taskHub is null)
        {
            throw new InvalidOperationException("The in-memory engine keeps nothing across a crash: start the world with StartOnAzureStorageAsync.");
        }

        await App.CrashAsync();
        await Sidecar.DisposeAsync();
        await StartEngineAndAppAsync();
    }

    private async Task StartEngineAndAppAsync()
    {
        if (_engine == OrchestrationEngine.Local)
        {
            _local = await LocalRuntimeHost.StartAsync(_settings);
            return;
        }

        _incarnation++;
        Sidecar = _taskHub is null
            ? await DurableSidecar.StartAsync(new InMemoryOrchestrationService())
            : await DurableSidecar.StartAsync(_taskHub.Open($"engine-{_incarnation}"));
        App = await FunctionsAppHost.StartAsync(Sidecar, _settings);
    }

    /// <summary>The app's settings, as <c>local.settings.json</c> would give them (with <c>:</c> for <c>__</c>).</summary>
    public static Dictionary<string, string?> Settings(AzuriteStorage storage, NemoSimulator simulator, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["AzureWebJobsStorage"] = storage.ConnectionString,
            ["NemoStorage:InputContainer"] = storage.Options.InputContainer,
            ["NemoStorage:OutputContainer"] = storage.Options.OutputContainer,
            ["NemoStorage:StateContainer"] = storage.Options.StateContainer,
            ["Nemo:BaseAddress"] = simulator.BaseAddress.ToString(),
            ["Nemo:ClientId"] = "functions-engine-tests",
            ["Nemo:BaseDelay"] = "00:00:00.050",
            ["Nemo:MaxRetryDelay"] = "00:00:00.200",
            ["BlobTrigger:Prompt"] = "animate this image with a slow zoom-in and leftward pan",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Uploads <paramref name="content"/> as <paramref name="name"/> to the input container and fires the blob trigger.</summary>
    public async Task<BlobClient> DropAsync(string name, BinaryData content)
    {
        var blob = Storage.Input.GetBlobClient(name);
        await blob.UploadAsync(content, overwrite: true);
        await App.TriggerBlobCreatedAsync(blob);
        return blob;
    }

    /// <summary>Every orchestration instance the engine knows.</summary>
    public async Task<IReadOnlyList<OrchestrationMetadata>> InstancesAsync()
    {
        var instances = new List<OrchestrationMetadata>();
        await foreach (var instance in Client.GetAllInstancesAsync(new OrchestrationQuery(FetchInputsAndOutputs: true)))
        {
            instances.Add(instance);
        }

        return instances;
    }

    /// <summary>The output container's blob names.</summary>
    public async Task<IReadOnlyList<string>> OutputsAsync()
    {
        var names = new List<string>();
        if (!await Storage.Output.ExistsAsync())
        {
            return names;
        }

        await foreach (var blob in Storage.Output.GetBlobsAsync())
        {
            names.Add(blob.Name);
        }

        return names;
    }

    /// <summary>A result file in the output container.</summary>
    public async Task<JsonElement> ReadResultAsync(string name)
    {
        var content = await Storage.Output.GetBlobClient(name + ".result.json").DownloadContentAsync();
        return JsonDocument.Parse(content.Value.Content.ToString()).RootElement.Clone();
    }

    public int Count(SimulatorEndpoint endpoint) => Simulator.Journal.Count(endpoint);

    /// <summary>Waits until <paramref name="instanceId"/> has ended, as the app's scheduler reports it.</summary>
    public Task<ConversionInstance?> WaitForEndAsync(string instanceId) =>
        Polling.UntilAsync(
            () => Scheduler.GetAsync(instanceId),
            instance => instance is { Status: not (InstanceStatus.Pending or InstanceStatus.Running) },
            ConversionTimeout);

    public async ValueTask DisposeAsync()
    {
        if (_local is not null)
        {
            await _local.DisposeAsync();
        }
        else
        {
            await App.DisposeAsync();
            await Sidecar.DisposeAsync();
        }

        await Storage.DisposeAsync();
        await Simulator.DisposeAsync();
        try
        {
            Directory.Delete(_simulatorFolder, recursive: true);
        }
        catch (IOException)
        {
            // Already gone with the simulator's own cleanup, or briefly held: it is in the temp folder.
        }
    }
}

/// <summary>Which engine runs the orchestrations.</summary>
public enum OrchestrationEngine
{
    /// <summary>The Durable Task engine in-process (<c>TaskHubGrpcServer</c>), as in Azure.</summary>
    Durable,

    /// <summary><c>nemo</c>'s journaled local runtime.</summary>
    Local,
}
