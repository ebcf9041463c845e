using System.Text.Json;
using Nemo.Conversions.Tests.Testing;

namespace Nemo.Conversions.Tests.Orchestration;

public sealed class BatchOrchestratorTests
{
    /// <summary>A context whose account can pay for any batch here.</summary>
    private static ScriptedOrchestrationContext Funded(string instanceId) =>
        new ScriptedOrchestrationContext(instanceId).Always(ConversionActivityNames.GetCredits, new CreditsSnapshot(1_000_000, 0, 1_000_000));

    private static BatchRequest Batch(int items, int concurrency) =>
        new("job", Enumerable.Range(0, items).Select(i => new ConversionRequest($"job/item{i}", [$"job/{i}.jpg"], "go")).ToArray(), concurrency);

    [Fact]
    public async Task Runs_at_most_concurrency_children_and_summarises_in_manifest_order()
    {
        var context = Funded("batch-1").On(ConversionActivityNames.WriteSummary, _ => "job/summary.json");
        var pending = new List<(string Id, ConversionRequest Item, TaskCompletionSource<object?> Done)>();
        var maxRunning = 0;
        context.SubOrchestrator = (name, id, input) =>
        {
            Assert.Equal(ConversionWorkflow.Conversion, name);
            var done = new TaskCompletionSource<object?>();
            pending.Add((id, (ConversionRequest)input!, done));
            maxRunning = Math.Max(maxRunning, pending.Count(p => !p.Done.Task.IsCompleted));
            return done.Task;
        };

        var run = new BatchOrchestrator().RunAsync(context, Batch(5, 2));
        Assert.Equal(2, pending.Count);
        // Finish out of order: the second first.
        Complete(pending[1], ConversionStatus.Succeeded);
        Assert.Equal(3, pending.Count);
        Complete(pending[0], ConversionStatus.Failed);
        Complete(pending[2], ConversionStatus.Succeeded);
        Complete(pending[3], ConversionStatus.Succeeded);
        Complete(pending[4], ConversionStatus.Succeeded);
        var summary = await run;

        Assert.Equal(2, maxRunning);
        Assert.Equal(4, summary.Succeeded);
        Assert.Equal(1, summary.Failed);
        Assert.Equal(["job/item0", "job/item1", "job/item2", "job/item3", "job/item4"], summary.Items.Select(i => i.Name));
        Assert.Equal(5, pending.Select(p => p.Id).Distinct().Count());
        Assert.Equal(InstanceIds.ForItem("batch-1", 0), pending[0].Id);
        var written = context.Activities.Single(a => a.Name == ConversionActivityNames.WriteSummary);
        Assert.Equal(5, JsonSerializer.Deserialize<BatchSummary>(written.Input!.Value, ConversionJson.Compact)!.Items.Count);
    }

    [Fact]
    public async Task Child_that_crashes_is_reported_failed_not_lost()
    {
        var context = Funded("batch-2").On(ConversionActivityNames.WriteSummary, _ => "job/summary.json");
        context.SubOrchestrator = (_, id, input) => Task.FromResult<object?>(
            id.EndsWith('1') || ((ConversionRequest)input!).Name.EndsWith('1') ? new InvalidOperationException("boom") : Result((ConversionRequest)input!, id, ConversionStatus.Succeeded));

        var summary = await new BatchOrchestrator().RunAsync(context, Batch(3, 4));

        Assert.Equal(3, summary.Items.Count);
        Assert.Equal(1, summary.Failed);
        Assert.Contains("internal error", summary.Items[1].Failure!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_stops_starting_new_items()
    {
        var context = Funded("batch-3").On(ConversionActivityNames.WriteSummary, _ => "job/summary.json");
        var started = 0;
        context.SubOrchestrator = (_, id, input) =>
        {
            if (++started == 1)
            {
                context.RaiseEvent(OrchestrationEvents.Cancel, new CancelRequest());
            }

            return Task.FromResult<object?>(Result((ConversionRequest)input!, id, ConversionStatus.Succeeded));
        };

        var summary = await new BatchOrchestrator().RunAsync(context, Batch(4, 1));

        Assert.Equal(1, started);
        Assert.Equal(4, summary.Items.Count);
        Assert.Equal(3, summary.Items.Count(i => i.Status == ConversionStatus.Cancelled));
    }

    [Fact]
    public async Task Cancel_is_passed_on_to_the_running_items()
    {
        var context = Funded("batch-4").On(ConversionActivityNames.WriteSummary, _ => "job/summary.json");
        var running = new Dictionary<string, (ConversionRequest Item, TaskCompletionSource<object?> Done)>();
        context.SubOrchestrator = (_, id, input) =>
        {
            var done = new TaskCompletionSource<object?>();
            running[id] = ((ConversionRequest)input!, done);
            return done.Task;
        };
        // A child that gets the cancel stops and reports cancelled, as the Conversion orchestration does.
        context.OnSend = (id, name, _) =>
        {
            Assert.Equal(OrchestrationEvents.Cancel, name);
            running[id].Done.SetResult(Result(running[id].Item, id, ConversionStatus.Cancelled));
        };

        var run = new BatchOrchestrator().RunAsync(context, Batch(5, 2));
        context.RaiseEvent(OrchestrationEvents.Cancel, new CancelRequest("wrong prompt"));
        var summary = await run;

        Assert.Equal([InstanceIds.ForItem("batch-4", 0), InstanceIds.ForItem("batch-4", 1)], context.SentEvents.Select(e => e.InstanceId));
        Assert.All(context.SentEvents, e => Assert.Equal("wrong prompt", e.Payload!.Value.GetProperty("reason").GetString()));
        Assert.Equal(2, running.Count);
        Assert.Equal(5, summary.Items.Count(i => i.Status == ConversionStatus.Cancelled));
        Assert.Equal(0, summary.Succeeded);
    }

    private static void Complete((string Id, ConversionRequest Item, TaskCompletionSource<object?> Done) child, ConversionStatus status) =>
        child.Done.SetResult(Result(child.Item, child.Id, status));

    private static ConversionResult Result(ConversionRequest item, string id, ConversionStatus status) =>
        new() { Id = id, Name = item.Name, Status = status, Profile = item.Profile, Prompt = item.Prompt };

    [Fact]
    public async Task A_job_the_credits_cannot_pay_for_is_refused_with_the_figures_before_any_item_starts()
    {
        var context = new ScriptedOrchestrationContext("batch-poor")
            .Always(ConversionActivityNames.GetCredits, new CreditsSnapshot(250, 0, 250))
            .On(ConversionActivityNames.WriteSummary, _ => "job/summary.json");
        context.SubOrchestrator = (_, _, _) => throw new InvalidOperationException("no item may start");

        var summary = await new BatchOrchestrator().RunAsync(context, Batch(3, 2));

        Assert.Equal(
            "Not started: the 3 item(s) of this job need about 300 credits (about 100 per image), and the account has 250 available. Add credits or split the job; nothing was spent.",
            summary.Refused);
        Assert.Empty(summary.Items);
        Assert.Equal([ConversionActivityNames.GetCredits, ConversionActivityNames.WriteSummary], context.ActivityNames);
    }

    [Fact]
    public async Task A_job_the_credits_cover_starts_its_items()
    {
        var context = new ScriptedOrchestrationContext("batch-rich")
            .Always(ConversionActivityNames.GetCredits, new CreditsSnapshot(300, 0, 300))
            .On(ConversionActivityNames.WriteSummary, _ => "job/summary.json");
        var started = 0;
        context.SubOrchestrator = (_, _, input) =>
        {
            started++;
            var item = (ConversionRequest)input!;
            return Task.FromResult<object?>(new ConversionResult { Id = "x", Name = item.Name, Status = ConversionStatus.Succeeded, Profile = "best", Prompt = "go" });
        };

        var summary = await new BatchOrchestrator().RunAsync(context, Batch(3, 2));

        Assert.Null(summary.Refused);
        Assert.Equal(3, started);
        Assert.Equal(3, summary.Succeeded);
    }
}
