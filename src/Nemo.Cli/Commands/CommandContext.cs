using System.CommandLine;

namespace Nemo.Cli.Commands;

/// <summary>What a command action needs besides its parse result: the output writers, the clock and the SIGTERM request.</summary>
internal sealed record CommandContext(TextWriter Output, TextWriter Error, bool Interactive, TimeProvider Time, CancellationToken Terminated)
{
    public static CommandContext From(ParseResult parse, CommandEnvironment environment)
    {
        var output = parse.InvocationConfiguration.Output;
        var interactive = ReferenceEquals(output, Console.Out) && Progress.ProgressView.ConsoleIsInteractive;
        return new CommandContext(output, parse.InvocationConfiguration.Error, interactive, environment.Time, environment.Terminated);
    }

    /// <summary>The line a service (<c>watch</c>, <c>serve</c>) ends with when a signal stopped it, naming the signal.</summary>
    public Task SayStoppedAsync() => Output.WriteLineAsync(
        $"Stopped ({(Terminated.IsCancellationRequested ? "SIGTERM" : "Ctrl+C")}); conversions in flight are journaled and resume on the next start.");

    /// <summary>Writes the one line a failing command leaves on standard error.</summary>
    public async Task<int> FailAsync(int exitCode, string message)
    {
        await Error.WriteLineAsync("nemo: " + message.ReplaceLineEndings(" "));
        return exitCode;
    }
}
