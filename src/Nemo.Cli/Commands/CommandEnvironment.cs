namespace Nemo.Cli.Commands;

/// <summary>What every command of one run shares: the clock, and the process's request to terminate.</summary>
/// <param name="Time">The clock for progress and timeouts.</param>
/// <param name="Terminated">
/// Cancelled on SIGTERM (systemd, <c>docker stop</c>, <c>timeout</c>). Every command then stops and leaves its work
/// journaled for the next run; unlike Ctrl+C, which cancels a conversion being followed.
/// </param>
internal sealed record CommandEnvironment(TimeProvider Time, CancellationToken Terminated);
