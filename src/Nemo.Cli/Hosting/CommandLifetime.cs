namespace Nemo.Cli.Hosting;

/// <summary>
/// The lifetime of the hosts under a command (the services' host, <c>nemo serve</c>'s web app): <see cref="ProcessSignals"/>,
/// not a host, owns SIGINT and SIGTERM, so unlike the default console lifetime this one registers no handlers (which
/// would swallow SIGTERM and stop a host the command still uses) and keeps the console quiet.
/// </summary>
internal sealed class CommandLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
