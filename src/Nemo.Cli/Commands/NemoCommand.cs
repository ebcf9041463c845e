using System.CommandLine;

namespace Nemo.Cli.Commands;

/// <summary>The <c>nemo</c> root command and its subcommands.</summary>
internal static class NemoCommand
{
    /// <summary>Builds the command tree.</summary>
    public static RootCommand Create(TimeProvider? time = null)
    {
        var clock = time ?? TimeProvider.System;
        var global = new GlobalOptions();
        var root = new RootCommand(
            "nemo — turn images into MP4 videos with the Nemo video API, durably, on one machine.\n\n"
            + "Exit codes: 0 success, 1 the conversion failed, 2 invalid usage or input (nothing was spent), 130 cancelled.");
        foreach (var option in global.All)
        {
            root.Options.Add(option);
        }

        root.Subcommands.Add(ConvertCommand.Create(global, clock));
        root.Subcommands.Add(WatchCommand.Create(global, clock));
        root.Subcommands.Add(ServeCommand.Create(global, clock));
        root.Subcommands.Add(StatusCommand.Create(global, clock));
        root.Subcommands.Add(CreditsCommand.Create(global, clock));
        root.Subcommands.Add(SimulatorCommand.Create(clock));
        root.Subcommands.Add(IterateCommand.Create(global, clock));
        return root;
    }

    /// <summary>
    /// Parses and runs <paramref name="args"/>. Parse errors exit with <see cref="ExitCodes.Usage"/>. Cancelling
    /// <paramref name="cancellationToken"/> (Ctrl+C in <c>Program</c>) cancels the running conversion.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        // Bare `nemo` shows what it can do (on standard error, as a usage error) rather than one line about a missing command.
        var parse = Create(time).Parse(args.Length == 0 ? ["--help"] : args);
        var configuration = new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
            // Program handles Ctrl+C itself so the conversion can be cancelled and its result written before exiting.
            ProcessTerminationTimeout = null,
            EnableDefaultExceptionHandler = false,
        };
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                await configuration.Error.WriteLineAsync("nemo: " + parseError.Message);
            }

            return ExitCodes.Usage;
        }

        if (args.Length == 0)
        {
            await parse.InvokeAsync(new InvocationConfiguration { Output = configuration.Error, Error = configuration.Error }, cancellationToken);
            return ExitCodes.Usage;
        }

        try
        {
            return await parse.InvokeAsync(configuration, cancellationToken);
        }
        catch (UsageException ex)
        {
            await configuration.Error.WriteLineAsync("nemo: " + ex.Message);
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await configuration.Error.WriteLineAsync("nemo: cancelled");
            return ExitCodes.Cancelled;
        }
    }
}
