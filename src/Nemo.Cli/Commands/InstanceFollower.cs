using Nemo.Cli.Hosting;
using Nemo.Cli.Progress;
using Nemo.Conversions;

namespace Nemo.Cli.Commands;

/// <summary>
/// Follows a scheduled instance to its end: live progress, one line and an exit code at the end. Ctrl+C cancels the
/// conversion; SIGTERM stops following it, leaving it journaled for the same command to resume.
/// </summary>
internal static class InstanceFollower
{
    /// <summary>How long a cancelled conversion may take to stop and write its result.</summary>
    public static readonly TimeSpan CancelGrace = TimeSpan.FromSeconds(60);

    /// <summary>Follows <paramref name="instanceId"/> until it ends (or a signal stops it) and returns the exit code.</summary>
    /// <param name="context">The command's writers, clock and SIGTERM request.</param>
    /// <param name="host">The host running the instance.</param>
    /// <param name="name">The conversion's name, for the lines shown.</param>
    /// <param name="instanceId">The instance to follow.</param>
    /// <param name="cancellationToken">Ctrl+C (cancels the conversion) or SIGTERM (stops following it).</param>
    /// <param name="retryHint">Appended to a failed or cancelled run's line, when the command can try again.</param>
    public static async Task<int> FollowAsync(CommandContext context, NemoHost host, string name, string instanceId, CancellationToken cancellationToken, string? retryHint = null)
    {
        var runtime = host.Runtime;
        var started = context.Time.GetTimestamp();
        ConversionInstance finished;
        using (var stopWatching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var progress = new ProgressView(context.Output, context.Interactive, context.Time)
                .ShowAsync(name, runtime.WatchAsync(instanceId, stopWatching.Token), stopWatching.Token);
            try
            {
                finished = await runtime.WaitForCompletionAsync(instanceId, cancellationToken);
            }
            catch (OperationCanceledException) when (context.Terminated.IsCancellationRequested)
            {
                // SIGTERM: the host stops the runtime (in-flight activities are cancelled and not recorded, so they run
                // again on resume) and the render, if any, carries on at Nemo; nothing failed.
                return await context.FailAsync(
                    ExitCodes.Stopped, $"{name}: stopped by SIGTERM; conversion {instanceId} is journaled: run the same command again to resume it");
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl+C: cancel the conversion itself (it stops any render and writes a cancelled result, or keeps a render
                // that had already finished), then report.
                await runtime.CancelAsync(instanceId, "cancelled by the user (Ctrl+C)", CancellationToken.None);
                using var grace = new CancellationTokenSource(CancelGrace, context.Time);
                try
                {
                    finished = await runtime.WaitForCompletionAsync(instanceId, grace.Token);
                }
                catch (OperationCanceledException)
                {
                    return await context.FailAsync(ExitCodes.Cancelled, $"{name}: cancelled; the conversion did not stop within {CancelGrace.TotalSeconds:0} s");
                }
            }
            finally
            {
                await stopWatching.CancelAsync();
                try
                {
                    await progress;
                }
                catch (OperationCanceledException)
                {
                }
            }
        }

        return await ReportAsync(context, host, finished, instanceId, context.Time.GetElapsedTime(started), retryHint);
    }

    private static async Task<int> ReportAsync(CommandContext context, NemoHost host, ConversionInstance finished, string instanceId, TimeSpan elapsed, string? retryHint)
    {
        // A failed or cancelled run still ends in one line: why, then how to try again.
        var hint = retryHint is null ? "" : "; " + retryHint;
        if (ConversionOutcome.ResultOf(finished) is not { } result)
        {
            return await context.FailAsync(
                finished.Status == InstanceStatus.Terminated ? ExitCodes.Cancelled : ExitCodes.Failed,
                $"{finished.Name}: conversion {instanceId} {finished.Status.ToString().ToLowerInvariant()}: {finished.Error ?? "no result"}{hint}");
        }

        // An event the sinks could not deliver is said on standard error, whatever the outcome (and is in the result).
        foreach (var warning in result.Warnings.Where(w => w.StartsWith(ConversionEvents.UndeliveredWarning, StringComparison.Ordinal)))
        {
            await context.Error.WriteLineAsync($"nemo: {result.Name}: {warning}");
        }

        if (result.Status != ConversionStatus.Succeeded)
        {
            var exitCode = ConversionOutcome.ExitCode(result);
            return await context.FailAsync(exitCode, ConversionOutcome.Reason(result) + (exitCode == ExitCodes.Usage ? "" : hint));
        }

        var path = result.Output is { } output ? host.Store.OutputPath(output) : host.Store.OutputDirectory;
        await context.Output.WriteLineAsync($"{result.Name}: done → {path} ({result.OutputBytes ?? 0:N0} bytes, {elapsed.TotalSeconds:0.#} s)");

        // What happened on the way is said here too, not only in result.json: a refinement made afresh because its session
        // had expired, a render tried again, the draft held to the options, why Ctrl+C came too late to stop it.
        foreach (var warning in result.Warnings.Where(w => !w.StartsWith(ConversionEvents.UndeliveredWarning, StringComparison.Ordinal)))
        {
            await context.Output.WriteLineAsync($"{result.Name}: note: {warning}");
        }

        return ExitCodes.Success;
    }
}
