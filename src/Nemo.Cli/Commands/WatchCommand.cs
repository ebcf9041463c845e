using System.CommandLine;
using Nemo.Cli.Hosting;
using Nemo.Cli.Watching;
using Nemo.Conversions;

namespace Nemo.Cli.Commands;

/// <summary>
/// <c>nemo watch &lt;inbox&gt; --out &lt;outbox&gt;</c>: the local blob trigger. Each new image at the inbox root becomes a
/// conversion, each subfolder with a <c>job.json</c> (written last) a batch; until Ctrl+C or SIGTERM, which exit 0.
/// </summary>
internal static class WatchCommand
{
    /// <summary>The prompt used for images dropped without one.</summary>
    public const string DefaultPrompt = "animate this image with a slow zoom-in and a gentle camera pan";

    public static Command Create(GlobalOptions global, CommandEnvironment environment)
    {
        var inbox = new Argument<string>("inbox") { Description = "The folder to watch" };
        var output = new Option<string>("--out", "-o") { Description = "The output folder (must not be inside the inbox)", Required = true };
        var prompt = new Option<string>("--prompt", "-p") { Description = "The prompt for single images", DefaultValueFactory = _ => DefaultPrompt };
        var profile = ConversionCommandOptions.Profile();
        var maxItems = new Option<int>("--max-items")
        {
            Description = $"The most items a job.json may have; a larger job is refused whole (default {JobManifest.DefaultMaxItems})",
            DefaultValueFactory = _ => JobManifest.DefaultMaxItems,
        };
        maxItems.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--max-items must be at least 1");
            }
        });
        var options = new ConversionCommandOptions();
        var command = new Command("watch", "Convert images and job folders dropped into a folder") { inbox, output, prompt, profile, maxItems };
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = CommandContext.From(parse, environment);
            var settings = global.Read(parse);
            var inboxPath = Path.GetFullPath(parse.GetValue(inbox)!);
            var outbox = Path.GetFullPath(parse.GetValue(output)!);
            if (InboxWatcher.CheckFolders(inboxPath, outbox) is { } problem)
            {
                return await context.FailAsync(ExitCodes.Usage, problem);
            }

            if (!Directory.Exists(inboxPath))
            {
                // Not created: a misspelt inbox would be watched forever with nothing ever arriving.
                return await context.FailAsync(ExitCodes.Usage, $"{inboxPath}: no such folder (create the inbox first, or check the path)");
            }

            var watchOptions = new InboxWatcherOptions(inboxPath, outbox, settings.StateDirectory, parse.GetValue(prompt)!, parse.GetValue(profile)!, options.Read(parse))
            {
                MaxItemsPerJob = parse.GetValue(maxItems),
            };
            await using var host = await NemoHost.StartAsync(settings, outbox, inboxPath, cancellationToken);
            var watcher = new InboxWatcher(watchOptions, host.Runtime, environment.Time, host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Nemo.Cli.Watch"), host.Store);
            await using (var console = new WatchConsole(context.Output, inboxPath, host.Runtime, host.Store))
            {
                watcher.Outcome += console.Report;
                await context.Output.WriteLineAsync($"Watching {inboxPath} → {outbox}; Ctrl+C or SIGTERM stops.");
                try
                {
                    await watcher.RunAsync(cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                }
            }

            // Conversions in flight are journaled; the next `nemo watch` (or `nemo status`) picks them up.
            await context.SayStoppedAsync();
            return ExitCodes.Success;
        });
        return command;
    }
}
