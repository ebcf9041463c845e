using System.Diagnostics;

namespace Nemo.Benchmarks.Infrastructure;

/// <summary>
/// Runs the simulator in a child process (this same executable, in its <c>simulator</c> mode), so
/// the memory a benchmark reads is the client's alone.
/// </summary>
internal sealed class SimulatorProcess : IAsyncDisposable
{
    public const string ReadyPrefix = "simulator listening on ";

    private readonly Process _process;

    private SimulatorProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<SimulatorProcess> StartAsync(IEnumerable<string> simulatorArguments, CancellationToken cancellationToken)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("Cannot locate this executable.");
        var info = new ProcessStartInfo(self)
        {
            // The child runs until its stdin closes: when this process exits, so does the simulator.
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        if (string.Equals(Path.GetFileNameWithoutExtension(self), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            info.ArgumentList.Add(typeof(SimulatorProcess).Assembly.Location);
        }

        info.ArgumentList.Add("simulator");
        foreach (var argument in simulatorArguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("The simulator process did not start.");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith(ReadyPrefix, StringComparison.Ordinal))
            {
                // Keep draining stdout so the child never blocks on a full pipe.
                _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
                return new SimulatorProcess(process, new Uri(line[ReadyPrefix.Length..].Trim()));
            }
        }

        throw new InvalidOperationException($"The simulator process exited with code {process.ExitCode} before it was ready.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
