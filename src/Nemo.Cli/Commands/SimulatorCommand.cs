using System.CommandLine;
using System.Diagnostics;
using System.Globalization;

namespace Nemo.Cli.Commands;

/// <summary>
/// <c>nemo simulator [--urls …]</c>: the stand-in Nemo as a standalone server until Ctrl+C. Runs the simulator's own
/// executable (shipped next to <c>nemo</c>), so it behaves exactly like <c>dotnet run --project src/Nemo.Simulator</c>.
/// </summary>
internal static class SimulatorCommand
{
    public static Command Create(CommandEnvironment environment)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var scale = new Option<double>("--time-scale") { Description = "Simulated time per real time (1 = real time)", DefaultValueFactory = _ => 1.0 };
        var command = new Command("simulator", "Run the stand-in Nemo server (offline, for trying things out)") { urls, scale };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = CommandContext.From(parse, environment);
            var simulator = Path.Combine(AppContext.BaseDirectory, "Nemo.Simulator.dll");
            if (!File.Exists(simulator))
            {
                return await context.FailAsync(ExitCodes.Failed, $"the simulator is not installed next to nemo ({simulator})");
            }

            var start = new ProcessStartInfo(DotnetHost()) { UseShellExecute = false };
            foreach (var argument in (string[])[simulator, "--urls", parse.GetValue(urls)!, "--Simulator:TimeScale=" + parse.GetValue(scale).ToString(CultureInfo.InvariantCulture)])
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            await context.Output.WriteLineAsync($"Nemo simulator on {parse.GetValue(urls)} (time scale {parse.GetValue(scale).ToString(CultureInfo.InvariantCulture)}); Ctrl+C stops it.");
            try
            {
                await process.WaitForExitAsync(cancellationToken);
                return process.ExitCode;
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                return ExitCodes.Success;
            }
        });
        return command;
    }

    private static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path).Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? path
            : "dotnet";
}
