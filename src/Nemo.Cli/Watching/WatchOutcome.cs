namespace Nemo.Cli.Watching;

/// <summary>What the watcher did with one file it found: one line on the console each.</summary>
/// <param name="Path">The image or <c>job.json</c>.</param>
/// <param name="Kind">What happened.</param>
/// <param name="InstanceId">The conversion or batch it started, or found started before.</param>
/// <param name="Detail">Why it was skipped or rejected.</param>
internal sealed record WatchOutcome(string Path, WatchOutcomeKind Kind, string? InstanceId = null, string? Detail = null);

/// <summary>The kinds of <see cref="WatchOutcome"/>.</summary>
internal enum WatchOutcomeKind
{
    /// <summary>A new conversion (an image) or batch (a job folder) was started.</summary>
    Started,

    /// <summary>Its instance existed already (scheduled before a crash): it carries on.</summary>
    AlreadyStarted,

    /// <summary>The same content (or the same job manifest) was converted before: nothing is started or spent.</summary>
    Skipped,

    /// <summary>A <c>job.json</c> that cannot be run (corrupt, unsafe paths, duplicate names, too many items), or a file that cannot be read.</summary>
    Rejected,
}
