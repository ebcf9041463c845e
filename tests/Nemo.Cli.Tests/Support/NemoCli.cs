using Nemo.Cli.Commands;

namespace Nemo.Cli.Tests.Support;

/// <summary>Runs the real <c>nemo</c> command tree in-process with captured output.</summary>
internal static class NemoCli
{
    public static async Task<CliResult> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await NemoCommand.RunAsync(args, TextWriter.Synchronized(output), TextWriter.Synchronized(error), cancellationToken: cancellationToken);
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    /// <summary>Starts a long-running command (serve, watch); cancel the token to stop it as Ctrl+C would.</summary>
    public static RunningCli Start(string[] args, CancellationToken cancellationToken)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var syncOutput = TextWriter.Synchronized(output);
        var syncError = TextWriter.Synchronized(error);
        var run = NemoCommand.RunAsync(args, syncOutput, syncError, cancellationToken: cancellationToken);
        return new RunningCli(run, output, syncOutput, error, syncError);
    }

    /// <summary>The repository's <c>samples/</c> folder.</summary>
    public static string SamplesDirectory => Samples.Directory;
}

internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}

// TextWriter.Synchronized locks the wrapper itself, so reading under the same lock sees whole writes.
internal sealed class RunningCli(Task<int> run, StringWriter output, TextWriter outputLock, StringWriter error, TextWriter errorLock)
{
    public Task<int> Run { get; } = run;

    public string Output { get { lock (outputLock) { return output.ToString(); } } }

    public string Error { get { lock (errorLock) { return error.ToString(); } } }

    /// <summary>Waits for a line of output matching <paramref name="prefix"/> and returns it.</summary>
    public async Task<string> WaitForLineAsync(string prefix, TimeSpan timeout)
    {
        string? line = null;
        await Polling.UntilAsync(
            () =>
            {
                line = Output.Split('\n').FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
                if (line is null && Run.IsCompleted)
                {
                    throw new InvalidOperationException($"nemo exited ({Run.Result}) without '{prefix}': {Output} {Error}");
                }

                return line is not null;
            },
            timeout);
        return line!;
    }
}
