using System.CommandLine;

namespace Nemo.Cli.Commands;

/// <summary>What a command action needs besides its parse result: the output writers, the clock and the SIGTERM request.</summary>
internal sealed record CommandContext(TextWriter Output, TextWriter Error, bool Interactive, TimeProvider Time, CancellationToken Terminated = default)
{
    public static CommandContext From(ParseResult parse, CommandEnvironment environment)
    {
        var output = parse.InvocationConfiguration.Output;
        var interactive = ReferenceEquals(output, Console.Out) && Progress.ProgressView.ConsoleIsInteractive;
        return new CommandContext(output, parse.InvocationConfiguration.Error, interactive, environment.Time, environment.Terminated);
    }

    /// <summary>The signal that stopped the command, as a user would name it.</summary>
    public string StopSignal => Terminated.IsCancellationRequested ? "SIGTERM" : "Ctrl+C";

    /// <summary>Writes the one line a failing command leaves on standard error.</summary>
    public async Task<int> FailAsync(int exitCode, string message)
    {
        await Error.WriteLineAsync("nemo: " + message.ReplaceLineEndings(" "));
        return exitCode;
    }
}
