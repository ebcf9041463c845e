using Nemo.Cli.Commands;
using Nemo.Cli.Runtime;
using Nemo.Cli.Storage;
using Nemo.Conversions;

namespace Nemo.Cli.Watching;

/// <summary>
/// <c>nemo watch</c>'s console: one line for every file the watcher acts on (started, skipped as seen before, rejected)
/// and one when a conversion or batch it started finishes (done, failed or cancelled; a batch's counts), so that a
/// watch without <c>-v</c> is never silent about what happened to a drop.
/// </summary>
internal sealed class WatchConsole : IAsyncDisposable
{
    private readonly TextWriter _output;
    private readonly string _inbox;
    private readonly LocalOrchestrationRuntime _runtime;
    private readonly FolderMediaStore _store;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _followers = [];

    public WatchConsole(TextWriter output, string inbox, LocalOrchestrationRuntime runtime, FolderMediaStore store)
    {
        _output = output;
        _inbox = inbox;
        _runtime = runtime;
        _store = store;
    }

    /// <summary>Says what happened to one file; a conversion or batch started is followed to its end.</summary>
    public void Report(WatchOutcome outcome)
    {
        var label = Path.GetRelativePath(_inbox, outcome.Path);
        switch (outcome.Kind)
        {
            case WatchOutcomeKind.Started or WatchOutcomeKind.AlreadyStarted:
                _output.WriteLine($"{label}: {(outcome.Kind == WatchOutcomeKind.Started ? "started" : "already started")} {outcome.InstanceId}");
                lock (_followers)
                {
                    _followers.Add(FollowAsync(label, outcome.InstanceId!, _stopping.Token));
                }

                break;
            case WatchOutcomeKind.Skipped:
                _output.WriteLine($"{label}: skipped, {outcome.Detail} ({outcome.InstanceId}); nothing spent");
                break;
            default:
                var summary = Path.GetFileName(outcome.Path) == InboxWatcher.ManifestName
                    ? _store.OutputPath(ConversionNames.Summary(Path.GetFileName(Path.GetDirectoryName(outcome.Path)!)))
                    : null;
                _output.WriteLine($"{label}: rejected, nothing started: {outcome.Detail}{(summary is not null && File.Exists(summary) ? $" (→ {summary})" : "")}");
                break;
        }
    }

    /// <summary>Stops following (what runs is journaled and resumes with the next watch).</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        Task[] followers;
        lock (_followers)
        {
            followers = [.. _followers];
        }

        await Task.WhenAll(followers);
        _stopping.Dispose();
    }

    private async Task FollowAsync(string label, string instanceId, CancellationToken cancellationToken)
    {
        ConversionInstance finished;
        try
        {
            finished = await _runtime.WaitForCompletionAsync(instanceId, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }

        await _output.WriteLineAsync($"{label}: {Describe(finished)}");
    }

    private string Describe(ConversionInstance finished)
    {
        if (ConversionJson.TryRead<BatchSummary>(finished.Output) is { Items: not null } batch)
        {
            var total = batch.Items.Count;
            var counts = batch.Refused is { } refused
                ? $"refused, nothing started: {refused}"
                : $"{batch.Succeeded} of {total} succeeded{(batch.Failed > 0 ? $", {batch.Failed} failed" : "")}";
            return $"batch finished, {counts} → {_store.OutputPath(ConversionNames.Summary(batch.Name))}";
        }

        if (ConversionOutcome.ResultOf(finished) is not { } result)
        {
            return $"{finished.Status.ToString().ToLowerInvariant()}: {finished.Error ?? "no result"}";
        }

        return result.Status switch
        {
            ConversionStatus.Succeeded => $"done → {(result.Output is { } key ? _store.OutputPath(key) : _store.OutputDirectory)}",
            ConversionStatus.Cancelled => "cancelled",
            _ => "failed: " + ConversionOutcome.Why(result),
        };
    }
}
