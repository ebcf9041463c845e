using System.CommandLine;
using Nemo.Cli.Hosting;
using Nemo.Cli.Serving;
using Nemo.Conversions;

namespace Nemo.Cli.Commands;

/// <summary><c>nemo serve [--urls …] [--api-key K]</c>: the conversions HTTP API on this machine, until Ctrl+C or SIGTERM, which exit 0.</summary>
internal static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:7071";

    public static Command Create(GlobalOptions global, CommandEnvironment environment)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen (loopback by default)", DefaultValueFactory = _ => DefaultUrls };
        var apiKey = new Option<string?>("--api-key") { Description = "Require this key (x-functions-key header or ?code=) on every route but health (default: env NEMO_API_KEY)" };
        var output = ConversionCommandOptions.Output();
        var command = new Command("serve", "Serve the conversions HTTP API") { urls, apiKey, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = CommandContext.From(parse, environment);
            var listen = parse.GetValue(urls)!;
            var key = parse.GetValue(apiKey) ?? Environment.GetEnvironmentVariable("NEMO_API_KEY");
            var check = new ApiKeyCheck(key);
            if (!check.Enabled && !ServeApplication.IsLoopbackOnly(listen))
            {
                return await context.FailAsync(ExitCodes.Usage, $"--urls {listen} is reachable from other machines: set --api-key (or NEMO_API_KEY)");
            }

            var settings = global.Read(parse);
            var stagingRoot = Path.Combine(Path.GetFullPath(settings.StateDirectory), "staged");
            await using var host = await NemoHost.StartAsync(settings, parse.GetValue(output)!, stagingRoot, cancellationToken);
            var app = ServeApplication.Build(host.Services.GetRequiredService<ConversionApi>(), check, listen, host.Services.GetRequiredService<ILoggerFactory>());
            await using (app)
            {
                await app.StartAsync(cancellationToken);
                await context.Output.WriteLineAsync($"Listening on {string.Join(", ", ServeApplication.Addresses(app))} (Nemo at {host.NemoUrl}); Ctrl+C or SIGTERM stops.");
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                }

                await app.StopAsync(CancellationToken.None);
                await context.SayStoppedAsync();
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
