using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Nemo.Cli.Hosting;
using Nemo.Conversions;

namespace Nemo.Cli.Commands;

/// <summary>
/// <c>nemo convert &lt;image&gt;... --prompt &lt;text&gt;</c>: one conversion, shown live, ending in <c>&lt;out&gt;/&lt;name&gt;.mp4</c>
/// and <c>&lt;name&gt;.result.json</c>. The instance id derives from the content and the options, so running the same
/// command again resumes an interrupted conversion, or reports the finished one without spending again.
/// </summary>
internal static class ConvertCommand
{
    /// <summary>What a failed or cancelled conversion's last line adds.</summary>
    private const string RetryHint = "to try again, run the same command with --retry (a new attempt; a prompt Nemo already took is not sent again)";

    public static Command Create(GlobalOptions global, CommandEnvironment environment)
    {
        var images = new Argument<string[]>("image") { Description = "The image files, in order", Arity = ArgumentArity.OneOrMore };
        var prompt = new Option<string>("--prompt", "-p") { Description = "What the video should do", Required = true };
        var profile = ConversionCommandOptions.Profile();
        var output = ConversionCommandOptions.Output();
        var name = new Option<string?>("--name") { Description = "The output name (default: from the first image's file name)" };
        var retry = new Option<bool>("--retry")
        {
            Description = "Try again after a failed or cancelled run: a new attempt under a new instance id, continuing the Nemo session and "
                + "draft the earlier attempt paid for (never a second prompt there)",
        };
        var options = new ConversionCommandOptions();

        var command = new Command("convert", "Convert images into an MP4 video") { images, prompt, profile, output, name, retry };
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) => RunAsync(
            global.Read(parse),
            CommandContext.From(parse, environment),
            parse.GetValue(images)!,
            parse.GetValue(prompt)!,
            parse.GetValue(profile)!,
            parse.GetValue(output)!,
            parse.GetValue(name),
            options.Read(parse),
            parse.GetValue(retry),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        HostSettings settings,
        CommandContext context,
        string[] images,
        string prompt,
        string profile,
        string outputDirectory,
        string? name,
        ConversionOptions? options,
        bool retry,
        CancellationToken cancellationToken)
    {
        var paths = images.Select(Path.GetFullPath).ToArray();
        if (paths.FirstOrDefault(Directory.Exists) is { } folder)
        {
            return await context.FailAsync(ExitCodes.Usage, $"{folder}: is a folder, not an image (give the image files, or let `nemo watch` convert what is dropped into a folder)");
        }

        if (paths.FirstOrDefault(p => !File.Exists(p)) is { } missing)
        {
            return await context.FailAsync(ExitCodes.Usage, $"{missing}: no such file");
        }

        name ??= ConversionNames.FromFileName(Path.GetFileName(paths[0]));
        if (!ConversionNames.IsValid(name, out var reason))
        {
            return await context.FailAsync(ExitCodes.Usage, $"--name '{name}': {reason}");
        }

        var firstAttemptId = InstanceIds.ForSource("convert", name, await VersionTagAsync(paths, prompt, profile, options, cancellationToken));
        var request = new ConversionRequest(name, paths, prompt, profile, options);

        await using var host = await NemoHost.StartAsync(settings, outputDirectory, Environment.CurrentDirectory, cancellationToken);
        var runtime = host.Runtime;

        // The same command follows its latest attempt: resumes it, or reports how it ended. --retry starts the next one
        // after a failed or cancelled attempt.
        var (attempt, latest) = await LatestAttemptAsync(runtime, firstAttemptId, cancellationToken);
        var instanceId = InstanceIds.ForAttempt(firstAttemptId, attempt);
        if (retry && latest is { Status: InstanceStatus.Completed or InstanceStatus.Failed or InstanceStatus.Terminated }
            && ConversionOutcome.ResultOf(latest) is not { Status: ConversionStatus.Succeeded })
        {
            var earlier = ConversionOutcome.ResultOf(latest) is { } result ? EarlierAttempt.From(result) : new EarlierAttempt(latest.InstanceId, null);
            instanceId = InstanceIds.ForAttempt(firstAttemptId, ++attempt);
            request = request with { Retrying = earlier };
            await runtime.ScheduleAsync(ConversionWorkflow.Conversion, instanceId, request, cancellationToken);
            await context.Output.WriteLineAsync(earlier.PromptedSessionId is { } session
                ? $"{name}: retrying ({instanceId}, attempt {attempt}): continuing Nemo session {session} with no new prompt"
                : $"{name}: retrying ({instanceId}, attempt {attempt}): nothing was generated before, so from the start");
        }
        else
        {
            if (retry && latest is not null)
            {
                await context.Output.WriteLineAsync(latest.Status is InstanceStatus.Completed
                    ? $"{name}: nothing to retry: {latest.InstanceId} succeeded"
                    : $"{name}: nothing to retry: {latest.InstanceId} has not finished, so it is resumed");
            }

            var created = await runtime.ScheduleAsync(ConversionWorkflow.Conversion, instanceId, request, cancellationToken);
            await context.Output.WriteLineAsync(created ? $"{name}: converting ({instanceId})" : $"{name}: resuming ({instanceId})");
        }

        return await InstanceFollower.FollowAsync(context, host, name, instanceId, cancellationToken, RetryHint);
    }

    /// <summary>The latest attempt of the conversion whose first attempt is <paramref name="firstAttemptId"/>: its number and instance (null: none yet).</summary>
    private static async Task<(int Attempt, ConversionInstance? Instance)> LatestAttemptAsync(Runtime.LocalOrchestrationRuntime runtime, string firstAttemptId, CancellationToken cancellationToken)
    {
        ConversionInstance? latest = null;
        for (var attempt = 1; ; attempt++)
        {
            if (await runtime.GetAsync(InstanceIds.ForAttempt(firstAttemptId, attempt), cancellationToken) is not { } instance)
            {
                return (Math.Max(attempt - 1, 1), latest);
            }

            latest = instance;
        }
    }

    /// <summary>The version part of the instance id: the images' content hashes, the prompt, the profile and the options.</summary>
    internal static async Task<string> VersionTagAsync(IEnumerable<string> paths, string prompt, string profile, ConversionOptions? options, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        foreach (var path in paths)
        {
            text.Append(await Watching.ContentHash.OfFileAsync(path, cancellationToken)).Append('\n');
        }

        text.Append(prompt).Append('\n').Append(profile).Append('\n').Append(JsonSerializer.Serialize(options, ConversionJson.Compact));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
