using Nemo.Conversions;

namespace Nemo.Cli.Watching;

/// <summary>What <see cref="InboxWatcher"/> watches and how new images are converted.</summary>
internal sealed record InboxWatcherOptions(string Inbox, string Outbox, string StateDirectory, string Prompt, string Profile = "best", ConversionOptions? Options = null)
{
    /// <summary>How often the inbox is rescanned besides file system notifications.</summary>
    public TimeSpan RescanInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a file's size and time must stay unchanged before it counts as complete.</summary>
    public TimeSpan SettleTime { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The most items a <c>job.json</c> may have; a larger job is refused whole.</summary>
    public int MaxItemsPerJob { get; init; } = JobManifest.DefaultMaxItems;
}
