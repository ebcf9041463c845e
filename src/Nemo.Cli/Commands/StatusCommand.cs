using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Nemo.Cli.Hosting;
using Nemo.Cli.Progress;
using Nemo.Conversions;
using Spectre.Console;

namespace Nemo.Cli.Commands;

/// <summary><c>nemo status [id]</c>: the instances in the state folder, or one instance's detail.</summary>
internal static class StatusCommand
{
    public static Command Create(GlobalOptions global, CommandEnvironment environment)
    {
        var id = new Argument<string?>("id") { Description = "An instance id (default: list the most recent)", Arity = ArgumentArity.ZeroOrOne };
        var max = new Option<int>("--max") { Description = "How many instances to list", DefaultValueFactory = _ => 50 };
        var command = new Command("status", "Show conversions in the state folder") { id, max };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = CommandContext.From(parse, environment);
            var settings = global.Read(parse) with { UseSimulator = false, TimeScale = null };
            if (!Directory.Exists(settings.StateDirectory))
            {
                // Not created: a misspelt --state-dir must not pass for an empty one.
                return await context.FailAsync(ExitCodes.Usage, $"no state folder at {Path.GetFullPath(settings.StateDirectory)}: nothing has run here, or --state-dir is misspelt");
            }

            await using var host = await NemoHost.StartAsync(settings, "out", Environment.CurrentDirectory, cancellationToken, resume: false);
            var console = CreateConsole(context);
            if (parse.GetValue(id) is { } instanceId)
            {
                var instance = await host.Runtime.GetAsync(instanceId, cancellationToken);
                if (instance is null)
                {
                    return await context.FailAsync(ExitCodes.Failed, $"no conversion '{instanceId}' in {Path.GetFullPath(settings.StateDirectory)}");
                }

                console.Write(Detail(instance));
                return ExitCodes.Success;
            }

            var instances = await host.Runtime.ListAsync(parse.GetValue(max), cancellationToken);
            if (instances.Count == 0)
            {
                await context.Output.WriteLineAsync("No conversions yet.");
                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("id", "name", "status", "progress", "updated");
            foreach (var instance in instances)
            {
                table.AddRow(
                    Markup.Escape(instance.InstanceId),
                    Markup.Escape(ConversionOutcome.ResultOf(instance)?.Name ?? instance.Name),
                    Markup.Escape(StatusText(instance)),
                    Markup.Escape(ProgressText.Describe(instance)),
                    instance.LastUpdatedAt.ToString("u", CultureInfo.InvariantCulture));
            }

            console.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>A Spectre console writing to the command's output (plain when not a terminal).</summary>
    internal static IAnsiConsole CreateConsole(CommandContext context) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(context.Output),
        Ansi = context.Interactive ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = context.Interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = context.Interactive ? InteractionSupport.Detect : InteractionSupport.No,
    });

    private static string StatusText(ConversionInstance instance) =>
        ConversionOutcome.ResultOf(instance) is { } result
            ? JsonSerializer.Serialize(result.Status, ConversionJson.Compact).Trim('"')
            : JsonSerializer.Serialize(instance.Status, ConversionJson.Compact).Trim('"');

    private static Grid Detail(ConversionInstance instance)
    {
        var grid = new Grid().AddColumn().AddColumn();
        void Row(string label, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                grid.AddRow(new Text(label), new Text(value));
            }
        }

        Row("id", instance.InstanceId);
        Row("name", ConversionOutcome.ResultOf(instance)?.Name ?? instance.Name);
        Row("status", StatusText(instance));
        Row("progress", ProgressText.Describe(instance));
        Row("created", instance.CreatedAt.ToString("u", CultureInfo.InvariantCulture));
        Row("updated", instance.LastUpdatedAt.ToString("u", CultureInfo.InvariantCulture));
        if (ConversionOutcome.ResultOf(instance) is { } result)
        {
            Row("profile", result.Profile);
            Row("prompt", result.Prompt);
            Row("output", result.Output);
            Row("session", result.SessionId);
            Row("render", result.RenderId);
            Row("reason", result.Failure is null ? null : ConversionOutcome.Reason(result));
            Row("agent", result.AgentText);
        }

        Row("error", instance.Error);
        return grid;
    }
}
