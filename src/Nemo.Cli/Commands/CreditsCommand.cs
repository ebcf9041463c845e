using System.CommandLine;
using Nemo.Cli.Hosting;
using Nemo.Client;

namespace Nemo.Cli.Commands;

/// <summary><c>nemo credits</c>: the account's credit balance.</summary>
internal static class CreditsCommand
{
    public static Command Create(GlobalOptions global, CommandEnvironment environment)
    {
        var command = new Command("credits", "Show the Nemo credit balance");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = CommandContext.From(parse, environment);
            await using var host = await NemoHost.StartAsync(global.Read(parse), "out", Environment.CurrentDirectory, cancellationToken, resume: false);
            try
            {
                var credits = await host.Services.GetRequiredService<NemoClient>().GetCreditsAsync(cancellationToken);
                await context.Output.WriteLineAsync($"available {credits.Available:0.##}, frozen {credits.Frozen:0.##}, total {credits.Total:0.##}");
                return ExitCodes.Success;
            }
            catch (NemoApiException ex)
            {
                return await context.FailAsync(ExitCodes.Failed, ex.Message);
            }
        });
        return command;
    }
}
