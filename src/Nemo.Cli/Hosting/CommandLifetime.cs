namespace Nemo.Cli.Hosting;

/// <summary>
/// The host's lifetime under a command: <c>Program</c>, not the host, owns the console's signals (the first Ctrl+C
/// cancels the running work so that its result is written; a second one ends the process at once), so unlike the
/// default console lifetime this one registers no handlers and keeps the console quiet.
/// </summary>
internal sealed class CommandLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
