using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Nemo.Cli.Hosting;
using Nemo.Cli.Progress;
using Nemo.Conversions;
using Spectre.Console;

namespace Nemo.Cli.Commands;

/// <summary>
/// <c>nemo status [id] [--json]</c>: the instances in the state folder, or one instance's detail. A table on a terminal;
/// elsewhere (a pipe, a file) one tab-separated line per instance with a header, or <c>label: value</c> lines for one;
/// <c>--json</c> for programs.
/// </summary>
internal static class StatusCommand
{
    public static Command Create(GlobalOptions global, CommandEnvironment environment)
    {
        var id = new Argument<string?>("id") { Description = "An instance id (default: list the most recent)", Arity = ArgumentArity.ZeroOrOne };
        var max = new Option<int>("--max") { Description = "How many instances to list", DefaultValueFactory = _ => 50 };
        var json = new Option<bool>("--json") { Description = "Write JSON: an array of instances, or one instance with its full result" };
        var command = new Command("status", "Show conversions in the state folder (a table on a terminal, tab-separated lines otherwise)") { id, max, json };
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

                if (parse.GetValue(json))
                {
                    await context.Output.WriteLineAsync(JsonSerializer.Serialize(InstanceView.Of(instance), ConversionJson.Options));
                }
                else if (context.Interactive)
                {
                    console.Write(Detail(instance));
                }
                else
                {
                    foreach (var (label, value) in Fields(instance))
                    {
                        await context.Output.WriteLineAsync($"{label}: {OneLine(value)}");
                    }
                }

                return ExitCodes.Success;
            }

            var instances = await host.Runtime.ListAsync(parse.GetValue(max), cancellationToken);
            if (parse.GetValue(json))
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(instances.Select(InstanceView.Of), ConversionJson.Options));
                return ExitCodes.Success;
            }

            if (instances.Count == 0)
            {
                await context.Output.WriteLineAsync("No conversions yet.");
                return ExitCodes.Success;
            }

            if (!context.Interactive)
            {
                // A table off a terminal wraps at 80 columns and breaks ids across lines: one line per instance instead.
                await context.Output.WriteLineAsync("id\tname\tstatus\tprogress\tupdated");
                foreach (var instance in instances)
                {
                    await context.Output.WriteLineAsync(string.Join('\t', Columns(instance).Select(OneLine)));
                }

                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("id", "name", "status", "progress", "updated");
            foreach (var instance in instances)
            {
                table.AddRow([.. Columns(instance).Select(Markup.Escape)]);
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

    private static string[] Columns(ConversionInstance instance) =>
    [
        instance.InstanceId,
        ConversionOutcome.ResultOf(instance)?.Name ?? instance.Name,
        StatusText(instance),
        ProgressText.Describe(instance),
        instance.LastUpdatedAt.ToString("u", CultureInfo.InvariantCulture),
    ];

    /// <summary>A value on one line, with no tab: the plain output's separators stay unambiguous.</summary>
    private static string OneLine(string value) => value.ReplaceLineEndings(" ").Replace('\t', ' ');

    internal static string StatusText(ConversionInstance instance) =>
        ConversionOutcome.ResultOf(instance) is { } result
            ? JsonSerializer.Serialize(result.Status, ConversionJson.Compact).Trim('"')
            : JsonSerializer.Serialize(instance.Status, ConversionJson.Compact).Trim('"');

    private static Grid Detail(ConversionInstance instance)
    {
        var grid = new Grid().AddColumn().AddColumn();
        foreach (var (label, value) in Fields(instance))
        {
            grid.AddRow(new Text(label), new Text(value));
        }

        return grid;
    }

    private static List<(string Label, string Value)> Fields(ConversionInstance instance)
    {
        var fields = new List<(string, string)>();
        void Row(string label, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                fields.Add((label, value));
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
        return fields;
    }
}
