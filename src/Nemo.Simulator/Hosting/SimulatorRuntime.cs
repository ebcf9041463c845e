namespace Nemo.Simulator;

/// <summary>The singletons of one simulator instance, handed to the endpoint handlers.</summary>
internal sealed class SimulatorRuntime(
    SimulatorOptions options,
    ScaledTimeProvider clock,
    SimulatorState state,
    FaultSet faults,
    RequestJournal journal,
    SimulatorStorage storage,
    UrlFetcher fetcher,
    OutputBuilder outputs,
    ILoggerFactory loggerFactory,
    IHostApplicationLifetime lifetime)
{
    public SimulatorOptions Options { get; } = options;

    public ScaledTimeProvider Clock { get; } = clock;

    public SimulatorState State { get; } = state;

    public FaultSet Faults { get; } = faults;

    public RequestJournal Journal { get; } = journal;

    public SimulatorStorage Storage { get; } = storage;

    public UrlFetcher Fetcher { get; } = fetcher;

    public OutputBuilder Outputs { get; } = outputs;

    public PromptPlanner Planner { get; } = new(options);

    public ILogger Logger { get; } = loggerFactory.CreateLogger("Nemo.Simulator");

    /// <summary>Cancelled when the simulator stops; background work (MP4 builds) observes it.</summary>
    public CancellationToken Stopping => lifetime.ApplicationStopping;

    public static SimulatorRuntime From(HttpContext context) => context.RequestServices.GetRequiredService<SimulatorRuntime>();

    /// <summary>Waits a simulated span on the scaled clock.</summary>
    public Task DelayAsync(TimeSpan simulated, CancellationToken cancellationToken) =>
        simulated <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(simulated, Clock, cancellationToken);
}
