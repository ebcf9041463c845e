using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.DurableTask;

namespace Nemo.Conversions;

/// <summary>
/// A job folder: one child conversion per item, at most <see cref="BatchRequest.Concurrency"/> running at once, then
/// <c>&lt;job&gt;/summary.json</c>. A cancel is passed on to the running items and no new item starts (those report
/// cancelled too).
/// </summary>
[SuppressMessage("Reliability", "CA2007:Consider calling ConfigureAwait on the awaited task", Justification = "Orchestration code must resume on the orchestration's own scheduler.")]
public sealed class BatchOrchestrator : TaskOrchestrator<BatchRequest, BatchSummary>
{
    /// <summary>What one image of an item is estimated to cost: a generated clip, about 100 credits (nemo-api.md).</summary>
    internal const int EstimatedCreditsPerImage = 100;

    /// <summary>Runs the batch against <paramref name="context"/>.</summary>
    public override async Task<BatchSummary> RunAsync(TaskOrchestrationContext context, BatchRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        if (await RefusalAsync(context, input) is { } refused)
        {
            return await WriteSummaryAsync(context, refused);
        }

        using var cancelWait = new CancellationTokenSource();
        var cancel = context.WaitForExternalEvent<CancelRequest>(OrchestrationEvents.Cancel, cancelWait.Token);
        var concurrency = Math.Max(1, input.Concurrency);
        var results = new ConversionResult?[input.Items.Count];
        var running = new List<(Task<ConversionResult> Task, int Index)>();
        var next = 0;
        var cancelForwarded = false;
        while (next < input.Items.Count || running.Count > 0)
        {
            while (running.Count < concurrency && next < input.Items.Count && !cancel.IsCompletedSuccessfully)
            {
                var item = input.Items[next];
                running.Add((context.CallSubOrchestratorAsync<ConversionResult>(ConversionWorkflow.Conversion, item, new SubOrchestrationOptions { InstanceId = InstanceIds.ForItem(context.InstanceId, next) }), next));
                next++;
            }

            if (running.Count == 0)
            {
                break;
            }

            // The first finished in list order: deterministic on replay.
            Task[] waits = cancelForwarded ? [.. running.Select(r => r.Task)] : [.. running.Select(r => r.Task), cancel];
            var finished = await Task.WhenAny(waits);
            if (finished == cancel)
            {
                // Passed on to every running item, which stops, cancels its render and reports cancelled.
                var reason = cancel.IsCompletedSuccessfully ? cancel.Result : new CancelRequest(null);
                foreach (var (_, item) in running)
                {
                    context.SendEvent(InstanceIds.ForItem(context.InstanceId, item), OrchestrationEvents.Cancel, reason);
                }

                cancelForwarded = true;
                continue;
            }

            var index = running.FindIndex(r => r.Task == finished);
            var entry = running[index];
            running.RemoveAt(index);
            results[entry.Index] = await Collect(context, input.Items[entry.Index], entry.Index, entry.Task);
        }

        for (var i = 0; i < results.Length; i++)
        {
            results[i] ??= Cancelled(context, input.Items[i], i);
        }

        var items = results.Select(r => r!).ToArray();
        var summary = new BatchSummary(
            input.Name,
            items.Count(r => r.Status == ConversionStatus.Succeeded),
            items.Count(r => r.Status != ConversionStatus.Succeeded),
            items);
        cancelWait.Cancel();
        return await WriteSummaryAsync(context, summary);
    }

    /// <summary>
    /// The job refused before anything starts when the account cannot pay for it: its estimated cost (about
    /// <see cref="EstimatedCreditsPerImage"/> per image, nemo-api.md) against the credits available. Unknown credits
    /// refuse nothing.
    /// </summary>
    private static async Task<BatchSummary?> RefusalAsync(TaskOrchestrationContext context, BatchRequest input)
    {
        CreditsSnapshot? credits;
        try
        {
            credits = await context.CallActivityAsync<CreditsSnapshot?>(ConversionActivityNames.GetCredits, null, ConversionWorkflow.ActivityRetry);
        }
        catch (TaskFailedException)
        {
            return null;
        }

        var estimate = (decimal)input.Items.Sum(item => Math.Max(1, item.Images.Count)) * EstimatedCreditsPerImage;
        if (credits is null || credits.Available >= estimate)
        {
            return null;
        }

        var reason = string.Create(
            CultureInfo.InvariantCulture,
            $"Not started: the {input.Items.Count:N0} item(s) of this job need about {estimate:N0} credits (about {EstimatedCreditsPerImage} per image), and the account has {credits.Available:N0} available. Add credits or split the job; nothing was spent.");
        return BatchSummaries.Refused(input.Name, reason);
    }

    private static async Task<BatchSummary> WriteSummaryAsync(TaskOrchestrationContext context, BatchSummary summary)
    {
        try
        {
            await context.CallActivityAsync<string>(ConversionActivityNames.WriteSummary, summary, ConversionWorkflow.ActivityRetry);
        }
        catch (TaskFailedException)
        {
            // The summary is also the orchestration's output; the items' own result files are already written.
        }

        return summary;
    }

    private static async Task<ConversionResult> Collect(TaskOrchestrationContext context, ConversionRequest item, int index, Task<ConversionResult> child)
    {
        try
        {
            return await child;
        }
        catch (TaskFailedException ex)
        {
            return Stub(context, item, index, ConversionStatus.Failed, new ConversionFailure(ConversionStage.Result, FailureKind.Terminal, $"internal error: {ex.FailureDetails.ErrorMessage}"));
        }
    }

    private static ConversionResult Cancelled(TaskOrchestrationContext context, ConversionRequest item, int index) =>
        Stub(context, item, index, ConversionStatus.Cancelled, null) with { Warnings = ["The batch was cancelled before this item started."] };

    private static ConversionResult Stub(TaskOrchestrationContext context, ConversionRequest item, int index, ConversionStatus status, ConversionFailure? failure) =>
        new()
        {
            Id = InstanceIds.ForItem(context.InstanceId, index),
            Name = item.Name,
            Status = status,
            Profile = item.Profile,
            Prompt = item.Prompt,
            Images = item.Images,
            Failure = failure,
            StartedAt = context.CurrentUtcDateTime,
            CompletedAt = context.CurrentUtcDateTime,
        };
}
