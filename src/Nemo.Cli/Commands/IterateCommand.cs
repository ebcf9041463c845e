using System.CommandLine;
using Nemo.Cli.Hosting;
using Nemo.Conversions;

namespace Nemo.Cli.Commands;

/// <summary>
/// <c>nemo iterate &lt;name&gt; --prompt &lt;text&gt; --out &lt;dir&gt;</c>: refines a finished conversion with a new prompt,
/// writing <c>&lt;name&gt;.v2.mp4</c>, <c>.v3</c>, … next to it.
/// </summary>
internal static class IterateCommand
{
    public static Command Create(GlobalOptions global, CommandEnvironment environment)
    {
        var name = new Argument<string>("name") { Description = "The name of a finished conversion in the output folder" };
        var prompt = new Option<string>("--prompt", "-p") { Description = "What to change", Required = true };
        var output = ConversionCommandOptions.Output();
        var command = new Command("iterate", "Refine a finished conversion with a new prompt") { name, prompt, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = CommandContext.From(parse, environment);
            var conversionName = parse.GetValue(name)!;
            if (!ConversionNames.IsValid(conversionName, out var reason))
            {
                return await context.FailAsync(ExitCodes.Usage, $"'{conversionName}': {reason}");
            }

            await using var host = await NemoHost.StartAsync(global.Read(parse), parse.GetValue(output)!, Environment.CurrentDirectory, cancellationToken);
            var version = NextVersion(host, conversionName);
            if (version is null)
            {
                return await context.FailAsync(ExitCodes.Usage, $"'{conversionName}': no finished conversion in {host.Store.OutputDirectory}");
            }

            var instanceId = InstanceIds.ForIteration(conversionName, version.Value);
            await host.Runtime.ScheduleAsync(ConversionWorkflow.Iteration, instanceId, new IterationRequest(conversionName, parse.GetValue(prompt)!), cancellationToken);
            return await InstanceFollower.FollowAsync(context, host, conversionName, instanceId, cancellationToken);
        });
        return command;
    }

    private static int? NextVersion(NemoHost host, string name)
    {
        if (!File.Exists(host.Store.OutputPath(ConversionNames.Result(name, 1))))
        {
            return null;
        }

        var version = 2;
        while (File.Exists(host.Store.OutputPath(ConversionNames.Result(name, version))))
        {
            version++;
        }

        return version;
    }
}
