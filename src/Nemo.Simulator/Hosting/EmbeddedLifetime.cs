namespace Nemo.Simulator;

/// <summary>
/// The lifetime of a simulator hosted inside another process (<see cref="NemoSimulator"/>): the process,
/// not the simulator, owns SIGINT and SIGTERM. The default console lifetime would stop the simulator on SIGTERM while
/// its host still relies on it, failing the renders in flight, and would swallow the signal the host is waiting for.
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
