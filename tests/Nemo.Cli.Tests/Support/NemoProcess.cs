using System.Diagnostics;
using System.Text;

namespace Nemo.Cli.Tests.Support;

/// <summary>
/// <c>nemo</c> as a real process (<c>dotnet nemo.dll …</c>) with its output captured, for what only a process shows:
/// signals, <c>kill -9</c>, exit codes as a shell sees them.
/// </summary>
internal sealed class NemoProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private NemoProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(_output, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_error, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The built <c>nemo.dll</c>: next to the tests, else in the CLI project's output.</summary>
    public static string NemoDll
    {
        get
        {
            var local = Path.Combine(AppContext.BaseDirectory, "nemo.dll");
            if (File.Exists(local) && File.Exists(Path.Combine(AppContext.BaseDirectory, "nemo.runtimeconfig.json")))
            {
                return local;
            }

            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            return Path.GetFullPath(Path.Combine(NemoCli.SamplesDirectory, "..", "src", "Nemo.Cli", "bin", configuration, "net10.0", "nemo.dll"));
        }
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Output { get { lock (_output) { return _output.ToString(); } } }

    public string Error { get { lock (_error) { return _error.ToString(); } } }

    /// <summary>Starts <c>nemo <paramref name="args"/></c> in <paramref name="workingDirectory"/>, without the caller's Nemo settings.</summary>
    public static NemoProcess Start(string workingDirectory, params string[] args)
    {
        // Through perl (Essential in Debian), which gives SIGINT its default disposition before exec: a shell running the
        // tests in the background makes its children ignore SIGINT, and .NET leaves a signal ignored at startup ignored.
        var start = new ProcessStartInfo("perl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.Environment.Remove("NEMO_TOKEN");
        start.Environment.Remove("NEMO_API_URL");
        start.Environment.Remove("NEMO_API_KEY");
        foreach (var argument in (string[])["-e", "$SIG{INT} = 'DEFAULT'; exec { $ARGV[0] } @ARGV or die \"exec: $!\"", "dotnet", NemoDll, .. args])
        {
            start.ArgumentList.Add(argument);
        }

        return new NemoProcess(Process.Start(start)!);
    }

    /// <summary>
    /// Runs <c>nemo <paramref name="args"/></c> to its end (at most 3 minutes) and returns everything it wrote to the
    /// console, the in-process simulator's log lines included (which an in-process run cannot separate from the tests').
    /// </summary>
    public static async Task<CliResult> RunAsync(string workingDirectory, params string[] args)
    {
        using var process = Start(workingDirectory, args);
        var exit = await process.WaitForExitAsync(TimeSpan.FromMinutes(3));
        return new CliResult(exit, process.Output, process.Error);
    }

    /// <summary>Sends <paramref name="signal"/> (<c>TERM</c>, <c>INT</c>) as <c>kill -s</c> does.</summary>
    public void Signal(string signal)
    {
        using var kill = Process.Start("kill", ["-s", signal, Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
        Assert.True(kill.ExitCode == 0, $"kill -s {signal} {Id} failed");
    }

    /// <summary>Waits for a line of standard output containing <paramref name="text"/> and returns it.</summary>
    public async Task<string> WaitForLineAsync(string text, TimeSpan timeout)
    {
        string? line = null;
        await Task.Run(() => Polling.UntilAsync(
            () =>
            {
                line = Output.Split('\n').FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));
                return line is not null || HasExited;
            },
            timeout));
        Assert.True(line is not null, $"nemo exited without '{text}': {this}");
        return line!;
    }

    /// <summary>Waits for the process to exit within <paramref name="timeout"/> and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            Assert.Fail($"nemo did not exit within {timeout.TotalSeconds:0} s: {this}");
        }

        // The output pipes drain after the exit.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Kill() => _process.Kill(entireProcessTree: true);

    public override string ToString() => $"\n--- stdout\n{Output}\n--- stderr\n{Error}";

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is not null)
        {
            lock (text)
            {
                text.Append(line).Append('\n');
            }
        }
    }
}
