using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Nemo.Conversions;

namespace Nemo.Cli.Watching;

/// <summary>
/// The local blob trigger: images at the inbox root start one conversion each; a subfolder whose <c>job.json</c> appears
/// (written last) starts a batch. Identity is the content hash (recorded under the state folder), so the same content
/// twice is one conversion, also across restarts. A file counts only once its size and time have settled and it opens.
/// </summary>
internal sealed class InboxWatcher
{
    /// <summary>The manifest file name of a job folder.</summary>
    public const string ManifestName = "job.json";

    private static readonly string[] PartialSuffixes = [".tmp", ".partial", ".part", ".crdownload", ".download", ".swp"];

    private readonly InboxWatcherOptions _options;
    private readonly IConversionScheduler _scheduler;
    private readonly IMediaStore? _store;
    private readonly SeenIndex _seen;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Dictionary<string, (long Length, DateTime Written, DateTimeOffset Since)> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long Length, DateTime Written)> _handled = new(StringComparer.Ordinal);
    private readonly string _inbox;
    private readonly string _stateDirectory;

    /// <summary>Creates a watcher; <paramref name="store"/>, when given, gets the summary of a job refused before it starts.</summary>
    public InboxWatcher(InboxWatcherOptions options, IConversionScheduler scheduler, TimeProvider? time = null, ILogger? logger = null, IMediaStore? store = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(scheduler);
        _options = options;
        _scheduler = scheduler;
        _store = store;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _inbox = Path.GetFullPath(options.Inbox);
        _stateDirectory = Path.GetFullPath(options.StateDirectory);
        _seen = new SeenIndex(Path.Combine(_stateDirectory, "watch", "seen"));
    }

    /// <summary>Raised for every file the watcher acts on: started, found started, skipped as seen before, or rejected.</summary>
    public event Action<WatchOutcome>? Outcome;

    /// <summary>Why the inbox and outbox cannot be used together, or null when they can.</summary>
    public static string? CheckFolders(string inbox, string outbox)
    {
        var fullInbox = Path.TrimEndingDirectorySeparator(Path.GetFullPath(inbox));
        var fullOutbox = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outbox));
        if (string.Equals(fullInbox, fullOutbox, StringComparison.Ordinal)
            || fullOutbox.StartsWith(fullInbox + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return $"The outbox '{outbox}' is inside the inbox '{inbox}': outputs would trigger new conversions.";
        }

        return null;
    }

    /// <summary>Watches until cancelled, then returns.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_inbox);
        var signals = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        using var watcher = new FileSystemWatcher(_inbox) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.Size | NotifyFilters.LastWrite };
        FileSystemEventHandler changed = (_, _) => signals.Writer.TryWrite(true);
        watcher.Created += changed;
        watcher.Changed += changed;
        watcher.Renamed += (_, _) => signals.Writer.TryWrite(true);
        watcher.Error += (_, e) =>
        {
            Log.WatcherError(_logger, e.GetException().Message);
            signals.Writer.TryWrite(true);
        };
        watcher.EnableRaisingEvents = true;

        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await ScanAsync(cancellationToken);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                // Rescan sooner while files are settling; otherwise on a notification or the periodic interval.
                timeout.CancelAfter(_pending.Count > 0 ? TimeSpan.FromTicks(Math.Max(_options.SettleTime.Ticks, TimeSpan.FromMilliseconds(50).Ticks)) : _options.RescanInterval);
                try
                {
                    await signals.Reader.ReadAsync(timeout.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped: what was started is journaled and resumes with the next run.
        }
    }

    /// <summary>One pass over the inbox: starts what is new and complete.</summary>
    public async Task ScanAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_inbox))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(_inbox))
        {
            if (IsCandidate(file) && !IsHandled(file) && IsSettled(file))
            {
                await StartImageAsync(file, cancellationToken);
                MarkHandled(file);
            }
        }

        foreach (var folder in Directory.EnumerateDirectories(_inbox))
        {
            var full = Path.GetFullPath(folder);
            var manifest = Path.Combine(full, ManifestName);
            if (IsInside(full, _stateDirectory) || Path.GetFileName(full).StartsWith('.') || !File.Exists(manifest) || IsHandled(manifest) || !IsSettled(manifest))
            {
                continue;
            }

            await StartBatchAsync(Path.GetFileName(full), manifest, cancellationToken);
            MarkHandled(manifest);
        }
    }

    private async Task StartImageAsync(string path, CancellationToken cancellationToken)
    {
        string hash;
        try
        {
            hash = await ContentHash.OfFileAsync(path, cancellationToken);
        }
        catch (IOException ex)
        {
            Rejected(path, "it could not be read: " + ex.Message);
            return;
        }

        if (_seen.Find(hash) is { } seenId)
        {
            Log.WatchDuplicate(_logger, path, seenId);
            Outcome?.Invoke(new WatchOutcome(path, WatchOutcomeKind.Skipped, seenId, "the same content was converted before"));
            return;
        }

        var fileName = Path.GetFileName(path);
        var name = ConversionNames.FromFileName(fileName);
        var request = new ConversionRequest(name, [fileName], _options.Prompt, _options.Profile, _options.Options);
        // Content alone is the identity: the same image dropped twice (under any name) is one conversion.
        var instanceId = InstanceIds.ForSource(_inbox, "content", hash);
        await StartAsync(ConversionWorkflow.Conversion, instanceId, request, hash, path, "image", cancellationToken);
    }

    private async Task StartBatchAsync(string jobName, string manifestPath, CancellationToken cancellationToken)
    {
        string json;
        try
        {
            json = await File.ReadAllTextAsync(manifestPath, cancellationToken);
        }
        catch (IOException ex)
        {
            Rejected(manifestPath, "it could not be read: " + ex.Message);
            return;
        }

        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(jobName + "\n" + json)));
        if (_seen.Find(hash) is { } seenId)
        {
            Log.WatchDuplicate(_logger, manifestPath, seenId);
            Outcome?.Invoke(new WatchOutcome(manifestPath, WatchOutcomeKind.Skipped, seenId, "the same job was run before"));
            return;
        }

        var parsed = JobManifest.Parse(json, jobName, jobName, _options.MaxItemsPerJob);
        if (!parsed.Succeeded || parsed.Value is null)
        {
            // Recorded so a bad manifest is reported once, not on every scan; a corrected manifest has a new hash.
            _seen.TryAdd(hash, "rejected");
            var reason = parsed.Failure?.Reason ?? "invalid manifest";
            if (_store is not null)
            {
                // The outbox says why too: <job>/summary.json, nothing started. A write that fails does not stop the watch.
                try
                {
                    await BatchSummaries.WriteRefusalAsync(_store, jobName, reason, cancellationToken);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    Log.WatchRejected(_logger, manifestPath, "the refusal could not be written: " + ex.Message);
                }
            }

            Rejected(manifestPath, reason);
            return;
        }

        var instanceId = InstanceIds.ForBatch(_inbox, jobName, hash);
        await StartAsync(ConversionWorkflow.Batch, instanceId, parsed.Value, hash, manifestPath, "batch", cancellationToken);
    }

    private async Task StartAsync(string orchestrator, string instanceId, object input, string hash, string path, string kind, CancellationToken cancellationToken)
    {
        // Schedule first (idempotent by instance id), then record: a crash in between only repeats a no-op.
        var created = await _scheduler.ScheduleAsync(orchestrator, instanceId, input, cancellationToken);
        _seen.TryAdd(hash, instanceId);
        _pending.Remove(path);
        Log.WatchStarted(_logger, kind, path, instanceId);
        Outcome?.Invoke(new WatchOutcome(path, created ? WatchOutcomeKind.Started : WatchOutcomeKind.AlreadyStarted, instanceId));
    }

    private void Rejected(string path, string reason)
    {
        Log.WatchRejected(_logger, path, reason);
        Outcome?.Invoke(new WatchOutcome(path, WatchOutcomeKind.Rejected, Detail: reason));
    }

    // Files already hashed in this process are skipped until they change, so a rescan does not re-read every image.
    private bool IsHandled(string path)
    {
        var info = new FileInfo(path);
        return _handled.TryGetValue(path, out var done) && info.Exists && done.Length == info.Length && done.Written == info.LastWriteTimeUtc;
    }

    private void MarkHandled(string path)
    {
        _pending.Remove(path);
        var info = new FileInfo(path);
        if (info.Exists)
        {
            _handled[path] = (info.Length, info.LastWriteTimeUtc);
        }
    }

    private static bool IsCandidate(string path)
    {
        var name = Path.GetFileName(path);
        return !name.StartsWith('.') && !name.StartsWith('~') && !string.Equals(name, ManifestName, StringComparison.OrdinalIgnoreCase)
            && !PartialSuffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase));
    }

    private bool IsSettled(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            _pending.Remove(path);
            return false;
        }

        var now = _time.GetUtcNow();
        if (!_pending.TryGetValue(path, out var seen) || seen.Length != info.Length || seen.Written != info.LastWriteTimeUtc)
        {
            _pending[path] = (info.Length, info.LastWriteTimeUtc, now);
            return false;
        }

        if (now - seen.Since < _options.SettleTime)
        {
            return false;
        }

        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static bool IsInside(string path, string folder) =>
        string.Equals(path, folder, StringComparison.Ordinal) || folder.StartsWith(path + Path.DirectorySeparatorChar, StringComparison.Ordinal)
        || path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
