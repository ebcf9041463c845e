using System.CommandLine;

namespace Nemo.Cli.Commands;

/// <summary>What a command action needs besides its parse result: the output writers and the clock.</summary>
internal sealed record CommandContext(TextWriter Output, TextWriter Error, bool Interactive, TimeProvider Time)
{
    public static CommandContext From(ParseResult parse, TimeProvider time)
    {
        var output = parse.InvocationConfiguration.Output;
        return new CommandContext(output, parse.InvocationConfiguration.Error, ReferenceEquals(output, Console.Out) && Progress.ProgressView.ConsoleIsInteractive, time);
    }

    /// <summary>Writes the one line a failing command leaves on standard error.</summary>
    public async Task<int> FailAsync(int exitCode, string message)
    {
        await Error.WriteLineAsync("nemo: " + message.ReplaceLineEndings(" "));
        return exitCode;
    }
}
