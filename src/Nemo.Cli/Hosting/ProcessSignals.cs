using System.Runtime.InteropServices;
using Nemo.Cli.Commands;

namespace Nemo.Cli.Hosting;

/// <summary>
/// The process's stop signals, owned here rather than by any host (the in-process simulator and <c>nemo serve</c>'s
/// web app register no console lifetime): SIGINT (Ctrl+C) cancels <see cref="Interrupted"/>, SIGTERM (systemd,
/// <c>docker stop</c>, <c>timeout</c>) cancels <see cref="Terminated"/>. Either way the command gets a bounded time to
/// stop gracefully, after which the process exits anyway (the journal makes that as safe as <c>kill -9</c>); a second
/// signal exits at once.
/// </summary>
internal sealed class ProcessSignals : IDisposable
{
    /// <summary>How long SIGTERM leaves a command to stop: under <c>docker stop</c>'s 10 s, so its SIGKILL is never needed.</summary>
    public static readonly TimeSpan TerminateBound = TimeSpan.FromSeconds(8);

    /// <summary>How long Ctrl+C leaves a command: a cancelled conversion gets <see cref="InstanceFollower.CancelGrace"/> to stop at Nemo.</summary>
    public static readonly TimeSpan InterruptBound = InstanceFollower.CancelGrace + TimeSpan.FromSeconds(10);

    private readonly CancellationTokenSource _interrupted = new();
    private readonly CancellationTokenSource _terminated = new();
    private readonly PosixSignalRegistration _sigint;
    private readonly PosixSignalRegistration _sigterm;
    private readonly TextWriter _error;
    private int _signals;

    public ProcessSignals(TextWriter error)
    {
        _error = error;
        _sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => OnSignal(context, _interrupted, ExitCodes.Cancelled, InterruptBound));
        _sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => OnSignal(context, _terminated, ExitCodes.Stopped, TerminateBound));
    }

    public CancellationToken Interrupted => _interrupted.Token;

    public CancellationToken Terminated => _terminated.Token;

    public void Dispose()
    {
        _sigint.Dispose();
        _sigterm.Dispose();
        _interrupted.Dispose();
        _terminated.Dispose();
    }

    private void OnSignal(PosixSignalContext context, CancellationTokenSource source, int exitCode, TimeSpan bound)
    {
        context.Cancel = true;
        if (Interlocked.Increment(ref _signals) > 1)
        {
            // The second signal: the user (or the supervisor) will not wait.
            Environment.Exit(exitCode);
        }

        source.Cancel();
        _ = Task.Delay(bound).ContinueWith(
            _ =>
            {
                _error.WriteLine($"nemo: did not stop within {bound.TotalSeconds:0} s of {context.Signal}; exiting (the journal resumes the work next run)");
                Environment.Exit(exitCode);
            },
            TaskScheduler.Default);
    }
}
