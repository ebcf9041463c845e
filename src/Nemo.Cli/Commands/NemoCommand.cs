using System.CommandLine;

namespace Nemo.Cli.Commands;

/// <summary>The <c>nemo</c> root command and its subcommands.</summary>
internal static class NemoCommand
{
    /// <summary>Builds the command tree.</summary>
    public static RootCommand Create(TimeProvider? time = null, CancellationToken terminated = default)
    {
        var environment = new CommandEnvironment(time ?? TimeProvider.System, terminated);
        var global = new GlobalOptions();
        var root = new RootCommand(
            "nemo — turn images into MP4 videos with the Nemo video API, durably, on one machine.\n\n"
            + "Exit codes: 0 success (or a service stopped by a signal), 1 the conversion failed, 2 invalid usage or input (nothing was spent), "
            + "130 cancelled (Ctrl+C), 143 stopped by SIGTERM (the conversion is journaled: the same command resumes it).\n\n"
            + "Signals: Ctrl+C cancels a conversion being followed (up to 60 s to stop it at Nemo; a second Ctrl+C exits at once) and stops "
            + "watch and serve; SIGTERM stops any command within 8 s, leaving its work journaled for the next run.");
        foreach (var option in global.All)
        {
            root.Options.Add(option);
        }

        root.Subcommands.Add(ConvertCommand.Create(global, environment));
        root.Subcommands.Add(WatchCommand.Create(global, environment));
        root.Subcommands.Add(ServeCommand.Create(global, environment));
        root.Subcommands.Add(StatusCommand.Create(global, environment));
        root.Subcommands.Add(CreditsCommand.Create(global, environment));
        root.Subcommands.Add(SimulatorCommand.Create(environment));
        root.Subcommands.Add(IterateCommand.Create(global, environment));
        return root;
    }

    /// <summary>
    /// Parses and runs <paramref name="args"/>. Parse errors exit with <see cref="ExitCodes.Usage"/>. Cancelling
    /// <paramref name="cancellationToken"/> (Ctrl+C in <c>Program</c>) cancels a conversion being followed and stops a
    /// service; cancelling <paramref name="terminated"/> (SIGTERM) stops any command, its work left journaled.
    /// </summary>
    public static async Task<int> RunAsync(
        string[] args, TextWriter? output = null, TextWriter? error = null, TimeProvider? time = null, CancellationToken terminated = default, CancellationToken cancellationToken = default)
    {
        // Bare `nemo` shows what it can do (on standard error, as a usage error) rather than one line about a missing command.
        var parse = Create(time, terminated).Parse(args.Length == 0 ? ["--help"] : args);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, terminated);
        var configuration = new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
            // Program handles the signals itself (Ctrl+C cancels a conversion and its result is written; SIGTERM detaches).
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
            return await parse.InvokeAsync(configuration, stopping.Token);
        }
        catch (UsageException ex)
        {
            await configuration.Error.WriteLineAsync("nemo: " + ex.Message);
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (terminated.IsCancellationRequested)
        {
            await configuration.Error.WriteLineAsync("nemo: stopped (SIGTERM)");
            return ExitCodes.Stopped;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await configuration.Error.WriteLineAsync("nemo: cancelled");
            return ExitCodes.Cancelled;
        }
    }
}
