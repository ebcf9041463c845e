using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.DurableTask;
using Nemo.Conversions;

namespace Nemo.Cli.Runtime;

/// <summary>
/// A small Durable-Task-style runtime for one machine: each instance's history is journaled under
/// <see cref="LocalRuntimeOptions.StateDirectory"/> and replayed on restart, so a stopped or crashed process resumes
/// without repeating finished activities. Activities run at least once (one cut off by a stop runs again); everything
/// crossing the orchestration boundary is JSON, as in Durable Functions.
/// </summary>
public sealed partial class LocalOrchestrationRuntime : IConversionScheduler, IAsyncDisposable
{
    private readonly Dictionary<string, ITaskOrchestrator> _orchestrators = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ActivityDefinition> _activities = new(StringComparer.Ordinal);
    private readonly IServiceProvider _services;
    private readonly string _instancesRoot;
    private readonly ConcurrentDictionary<string, InstanceRunner> _runners = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<InstanceSnapshot>> _completions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StatusFeed> _feeds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _launches = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _createGate = new(1, 1);
    private readonly SemaphoreSlim _activitySlots;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _backgroundGate = new();
    private readonly HashSet<Task> _background = [];
    private bool _disposed;

    /// <summary>Creates the runtime; call <see cref="StartAsync"/> to resume unfinished instances.</summary>
    /// <param name="options">Where the journal lives and how many activities may run at once.</param>
    /// <param name="services">Services for activities; each activity runs in a fresh scope.</param>
    /// <param name="orchestrators">The orchestrators that can be scheduled.</param>
    /// <param name="activities">The activities they call.</param>
    /// <param name="timeProvider">The clock for history timestamps, timers and retry delays.</param>
    /// <param name="loggerFactory">For the runtime's logs and the orchestrations' replay-safe loggers.</param>
    public LocalOrchestrationRuntime(
        LocalRuntimeOptions options,
        IServiceProvider services,
        IReadOnlyDictionary<string, ITaskOrchestrator> orchestrators,
        IEnumerable<ActivityDefinition> activities,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(orchestrators);
        ArgumentNullException.ThrowIfNull(activities);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.StateDirectory, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrentActivities, 1, nameof(options));
        if (!(options.TimerScale > 0 && options.TimerScale <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.TimerScale, "TimerScale must be in (0, 1].");
        }

        foreach (var (name, orchestrator) in orchestrators)
        {
            _orchestrators[name] = orchestrator;
        }

        foreach (var activity in activities)
        {
            _activities[activity.Name] = activity;
        }

        _services = services;
        _instancesRoot = Path.Combine(Path.GetFullPath(options.StateDirectory), "instances");
        _activitySlots = new SemaphoreSlim(options.MaxConcurrentActivities, options.MaxConcurrentActivities);
        TimeProvider = timeProvider;
        TimerScale = options.TimerScale;
        LoggerFactory = loggerFactory;
        Logger = loggerFactory.CreateLogger<LocalOrchestrationRuntime>();
    }

    internal TimeProvider TimeProvider { get; }

    /// <summary>See <see cref="LocalRuntimeOptions.TimerScale"/>.</summary>
    internal double TimerScale { get; }

    /// <summary>The real time a wait of <paramref name="delay"/> takes.</summary>
    internal TimeSpan Shorten(TimeSpan delay) => delay <= TimeSpan.Zero ? delay : delay * TimerScale;

    internal ILoggerFactory LoggerFactory { get; }

    internal ILogger Logger { get; }

    /// <summary>Resumes every unfinished instance found in the state directory.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Directory.CreateDirectory(_instancesRoot);
        await _createGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var directory in Directory.EnumerateDirectories(_instancesRoot))
            {
                var instanceId = Path.GetFileName(directory);
                if (InstanceIdRules.IsValid(instanceId) && !_runners.ContainsKey(instanceId))
                {
                    Resume(instanceId, new InstanceJournal(directory));
                }
            }
        }
        finally
        {
            _createGate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<bool> ScheduleAsync(string orchestratorName, string instanceId, object input, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orchestratorName);
        InstanceIdRules.Validate(instanceId);
        var created = await CreateInstanceAsync(orchestratorName, instanceId, LocalOrchestrationContext.ToJson(input), null, cancellationToken)
            .ConfigureAwait(false);
        if (created)
        {
            Log.InstanceScheduled(Logger, instanceId, orchestratorName);
        }

        return created;
    }

    /// <inheritdoc />
    public Task<ConversionInstance?> GetAsync(string instanceId, CancellationToken cancellationToken = default) =>
        Task.FromResult(InstanceIdRules.IsValid(instanceId) ? ReadSnapshot(instanceId)?.ToInstance() : null);

    /// <inheritdoc />
    public Task<IReadOnlyList<ConversionInstance>> ListAsync(int maxCount = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        if (!Directory.Exists(_instancesRoot))
        {
            return Task.FromResult<IReadOnlyList<ConversionInstance>>([]);
        }

        IReadOnlyList<ConversionInstance> instances = [.. Directory.EnumerateDirectories(_instancesRoot)
            .Select(Path.GetFileName)
            .Where(InstanceIdRules.IsValid)
            .Select(id => ReadSnapshot(id!))
            .OfType<InstanceSnapshot>()
            .OrderByDescending(s => s.CreatedAt)
            .ThenBy(s => s.InstanceId, StringComparer.Ordinal)
            .Take(maxCount)
            .Select(s => s.ToInstance())];
        return Task.FromResult(instances);
    }

    /// <inheritdoc />
    public Task<bool> CancelAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) =>
        RaiseEventAsync(instanceId, OrchestrationEvents.Cancel, new CancelRequest(reason), cancellationToken);

    /// <summary>
    /// Records an external event for a running instance; it is delivered to the first
    /// <see cref="Microsoft.DurableTask.TaskOrchestrationContext.WaitForExternalEvent{T}(string, CancellationToken)"/> with that name, now or later.
    /// </summary>
    /// <returns>True once recorded; false when the instance is not running in this runtime.</returns>
    public async Task<bool> RaiseEventAsync(string instanceId, string eventName, object? payload, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        if (!InstanceIdRules.IsValid(instanceId) || !_runners.TryGetValue(instanceId, out var runner))
        {
            return false;
        }

        var recorded = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!runner.TryPost(new RaiseRequest(eventName, LocalOrchestrationContext.ToJson(payload), recorded)))
        {
            return false;
        }

        return await recorded.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits until the instance completes or fails, and returns its final status.</summary>
    /// <exception cref="InvalidOperationException">There is no such instance.</exception>
    public async Task<ConversionInstance> WaitForCompletionAsync(string instanceId, CancellationToken cancellationToken = default) =>
        (await WaitForSnapshotAsync(instanceId, cancellationToken).ConfigureAwait(false)).ToInstance();

    /// <summary>
    /// The instance's status now and after every change (status, custom status) until it finishes; a slow reader
    /// skips to the latest.
    /// </summary>
    public async IAsyncEnumerable<ConversionInstance> WatchAsync(string instanceId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        InstanceIdRules.Validate(instanceId);
        var feed = _feeds.GetOrAdd(instanceId, _ => new StatusFeed());
        var (latest, next) = feed.Read();
        latest ??= ReadSnapshot(instanceId)?.ToInstance() ?? throw new InvalidOperationException($"There is no instance '{instanceId}'.");
        ConversionInstance? yielded = null;
        while (true)
        {
            if (!ReferenceEquals(latest, yielded))
            {
                yield return latest;
                yielded = latest;
            }

            if (latest.Status is InstanceStatus.Completed or InstanceStatus.Failed or InstanceStatus.Terminated)
            {
                yield break;
            }

            await next.WaitAsync(cancellationToken).ConfigureAwait(false);
            (latest, next) = feed.Read();
            latest ??= yielded;
        }
    }

    /// <summary>
    /// Replays the instance's complete recorded history through its orchestrator without running anything, and checks
    /// that the code issues the same commands with the same inputs and produces the same result.
    /// </summary>
    /// <exception cref="NonDeterminismException">The code diverges from the history.</exception>
    public Task VerifyReplayAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        InstanceIdRules.Validate(instanceId);
        return Task.Run(() => Verify(instanceId, cancellationToken), cancellationToken);
    }

    /// <summary>Stops cleanly: running activities are cancelled and nothing more is recorded; the next start resumes.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_runners.Values.Select(r => r.Completion)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Task[] background;
        lock (_backgroundGate)
        {
            background = [.. _background];
        }

        await Task.WhenAll(background).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
        _createGate.Dispose();
        _activitySlots.Dispose();
    }
}
