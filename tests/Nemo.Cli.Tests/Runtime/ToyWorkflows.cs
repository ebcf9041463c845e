using Microsoft.DurableTask;
using Nemo.Conversions;

namespace Nemo.Cli.Tests.Runtime;

public sealed record AddInput(int A, int B);

public sealed record FanOutResult(int First, int Sum, string Echoed);

/// <summary>A type System.Text.Json can write but not read back (no usable constructor).</summary>
public sealed class OneWay
{
    private OneWay(int value, string other)
    {
        Value = value;
        Other = other;
    }

    public int Value { get; }

    public string Other { get; }

    public static OneWay Create() => new(1, "x");
}

/// <summary>Toy orchestrations and activities: the runtime knows nothing about conversions.</summary>
public static class ToyWorkflows
{
    // Deliberately mutable: the non-determinism tests branch on it.
    private static int _unstableCounter;

    public static IReadOnlyList<ActivityDefinition> Activities { get; } =
    [
        Activity<string>("Echo", (probe, input, _) =>
        {
            probe.Hit("Echo:" + input);
            return Task.FromResult<object?>("echo:" + input);
        }),
        Activity<AddInput>("Add", (probe, input, _) =>
        {
            probe.Hit("Add");
            return Task.FromResult<object?>(input.A + input.B);
        }),
        Activity<int>("Square", async (probe, input, _) =>
        {
            probe.Hit("Square");
            await Task.Yield();
            return input * input;
        }),
        Activity<string>("Block", async (probe, input, cancellationToken) =>
        {
            probe.Hit("Block");
            probe.BlockEntered.TrySetResult();
            await probe.BlockRelease.Task.WaitAsync(cancellationToken);
            return "unblocked:" + input;
        }),
        Activity<int>("Flaky", (probe, failures, _) =>
        {
            var attempt = probe.Hit("Flaky");
            return attempt <= failures
                ? throw new InvalidOperationException($"attempt {attempt} failed")
                : Task.FromResult<object?>($"ok after {attempt}");
        }),
        Activity<string>("Fail", (probe, input, _) =>
        {
            probe.Hit("Fail");
            throw new InvalidOperationException("boom: " + input);
        }),
        Activity<ConversionProgress>("Advance", (probe, input, _) =>
            Task.FromResult<object?>(input with { Stage = ConversionStage.Upload, RenderProgress = 42 })),
        Activity<string>("MakeOneWay", (_, _, _) => Task.FromResult<object?>(OneWay.Create())),
    ];

    public static IReadOnlyDictionary<string, ITaskOrchestrator> Orchestrators { get; } = new[]
    {
        Orchestrator<string>("Sequence", async (ctx, input) =>
        {
            var a = await ctx.CallActivityAsync<string>("Echo", input);
            var b = await ctx.CallActivityAsync<string>("Echo", a);
            return new[] { a, b };
        }),
        Orchestrator<string>("Resumable", async (ctx, input) =>
        {
            var a = await ctx.CallActivityAsync<string>("Echo", "1");
            var b = await ctx.CallActivityAsync<string>("Block", input);
            var c = await ctx.CallActivityAsync<string>("Echo", "3");
            return new[] { a, b, c };
        }),
        Orchestrator<int>("TimerThenEcho", async (ctx, minutes) =>
        {
            ctx.SetCustomStatus("timer");
            await ctx.CreateTimer(ctx.CurrentUtcDateTime.AddMinutes(minutes), CancellationToken.None);
            return await ctx.CallActivityAsync<string>("Echo", ctx.CurrentUtcDateTime.ToString("O"));
        }),
        Orchestrator<int>("FanOut", async (ctx, n) =>
        {
            var tasks = Enumerable.Range(1, n).Select(i => ctx.CallActivityAsync<int>("Square", i)).ToList();
            var first = await await Task.WhenAny(tasks);
            var all = await Task.WhenAll(tasks);
            var echoed = await ctx.CallActivityAsync<string>("Echo", first.ToString());
            return new FanOutResult(first, all.Sum(), echoed);
        }),
        Orchestrator<string>("UnstableInput", async (ctx, _) =>
            await ctx.CallActivityAsync<string>("Echo", NextUnstable().ToString())),
        Orchestrator<string>("GuidInput", async (ctx, _) =>
            await ctx.CallActivityAsync<string>("Echo", Guid.NewGuid().ToString())),
        Orchestrator<string>("ClockInput", async (ctx, _) =>
            await ctx.CallActivityAsync<string>("Echo", DateTime.UtcNow.Ticks.ToString())),
        Orchestrator<string>("UnstableBranch", async (ctx, _) =>
        {
            if (NextUnstable() % 2 == 1)
            {
                return await ctx.CallActivityAsync<string>("Echo", "a");
            }

            await ctx.CreateTimer(ctx.CurrentUtcDateTime, CancellationToken.None);
            return "timer";
        }),
        Orchestrator<string>("UnstableOutput", async (ctx, _) =>
        {
            await ctx.CallActivityAsync<string>("Echo", "a");
            return NextUnstable();
        }),
        Orchestrator<string>("UnstableTail", async (ctx, _) =>
        {
            await ctx.CallActivityAsync<string>("Echo", "a");
            if (NextUnstable() % 2 == 0)
            {
                await ctx.CallActivityAsync<string>("Echo", "b");
            }

            return "done";
        }),
        Orchestrator<int>("Retry", async (ctx, failures) =>
            await ctx.CallActivityAsync<string>("Flaky", failures, TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromSeconds(10), 2.0)))),
        Orchestrator<string>("CatchFailure", async (ctx, input) =>
        {
            try
            {
                await ctx.CallActivityAsync<string>("Fail", input, TaskOptions.FromRetryPolicy(new RetryPolicy(2, TimeSpan.FromMilliseconds(1))));
                return "no failure";
            }
            catch (TaskFailedException ex)
            {
                return $"{ex.TaskName}|{ex.FailureDetails.ErrorType}|{ex.FailureDetails.ErrorMessage}";
            }
        }),
        Orchestrator<string>("Uncaught", async (ctx, input) => await ctx.CallActivityAsync<string>("Fail", input)),
        Orchestrator<string>("BlockThenWait", async (ctx, input) =>
        {
            await ctx.CallActivityAsync<string>("Block", input);
            return await ctx.WaitForExternalEvent<string>("go");
        }),
        Orchestrator<string>("WaitThenEcho", async (ctx, _) =>
        {
            var waiting = ctx.WaitForExternalEvent<string>("go");
            ctx.SetCustomStatus("waiting");
            var value = await waiting;
            ctx.SetCustomStatus("got " + value);
            return await ctx.CallActivityAsync<string>("Echo", value);
        }),
        Orchestrator<string>("Cancellable", async (ctx, _) =>
        {
            using var timerCancellation = new CancellationTokenSource();
            var timer = ctx.CreateTimer(ctx.CurrentUtcDateTime.AddHours(1), timerCancellation.Token);
            var cancel = ctx.WaitForExternalEvent<CancelRequest>(OrchestrationEvents.Cancel);
            ctx.SetCustomStatus("waiting");
            if (await Task.WhenAny(timer, cancel) == timer)
            {
                return "timer fired";
            }

            // Cancel(), not CancelAsync(): the latter runs the callbacks on the thread pool, outside the orchestration's thread.
#pragma warning disable CA1849
            timerCancellation.Cancel();
#pragma warning restore CA1849
            try
            {
                await timer;
                return "timer not cancelled";
            }
            catch (TaskCanceledException)
            {
                return "cancelled: " + (await cancel).Reason;
            }
        }),
        Orchestrator<string>("CancelAsyncInside", async (ctx, _) =>
        {
            using var timerCancellation = new CancellationTokenSource();
            var timer = ctx.CreateTimer(ctx.CurrentUtcDateTime.AddHours(1), timerCancellation.Token);
            await ctx.WaitForExternalEvent<CancelRequest>(OrchestrationEvents.Cancel);
            await timerCancellation.CancelAsync(); // completes on the thread pool; the runtime must still drain it
            return await Task.WhenAny(timer) == timer && timer.IsCanceled ? "cancelled" : "not cancelled";
        }),
        Orchestrator<string>("CancelChild", async (ctx, reason) =>
        {
            // Sent right after the child is scheduled: the child may not be running yet when the event is handed over.
            var childId = ctx.InstanceId + "-child";
            var child = ctx.CallSubOrchestratorAsync<string>("Cancellable", "x", new SubOrchestrationOptions { InstanceId = childId });
            ctx.SendEvent(childId, OrchestrationEvents.Cancel, new CancelRequest(reason));
            return await child;
        }),
        Orchestrator<string>("SendToNobody", (ctx, _) =>
        {
            ctx.SendEvent("nobody-" + ctx.InstanceId, "go", "x");
            return Task.FromResult<object?>("sent");
        }),
        Orchestrator<string>("Parent", async (ctx, input) =>
        {
            var childId = ctx.InstanceId + "-child";
            var first = await ctx.CallSubOrchestratorAsync<string[]>("Sequence", input, new SubOrchestrationOptions { InstanceId = childId });
            var again = await ctx.CallSubOrchestratorAsync<string[]>("Sequence", input, new SubOrchestrationOptions { InstanceId = childId });
            try
            {
                await ctx.CallSubOrchestratorAsync<string>("Uncaught", "child", new SubOrchestrationOptions { InstanceId = ctx.InstanceId + "-bad" });
                return "no failure";
            }
            catch (TaskFailedException ex)
            {
                return $"{string.Join(",", first)}|{string.Join(",", again)}|{ex.FailureDetails.ErrorType}|{ex.FailureDetails.ErrorMessage}";
            }
        }),
        Orchestrator<ConversionProgress>("Progress", async (ctx, input) =>
        {
            var advanced = await ctx.CallActivityAsync<ConversionProgress>("Advance", input);
            ctx.SetCustomStatus(advanced);
            return advanced;
        }),
        Orchestrator<string>("OneWay", async (ctx, input) => (await ctx.CallActivityAsync<OneWay>("MakeOneWay", input)).Value),
    }.ToDictionary(StringComparer.Ordinal);

    private static int NextUnstable() => Interlocked.Increment(ref _unstableCounter);

    private static ActivityDefinition Activity<TInput>(string name, Func<Probe, TInput, CancellationToken, Task<object?>> run) =>
        new(name, typeof(TInput), (services, input, cancellationToken) =>
            run((Probe)services.GetService(typeof(Probe))!, (TInput)input!, cancellationToken));

    private static KeyValuePair<string, ITaskOrchestrator> Orchestrator<TInput>(string name, Func<TaskOrchestrationContext, TInput, Task<object?>> run) =>
        new(name, new Toy<TInput>(run));

    /// <summary>An orchestrator written as a function, as the SDK's registry wraps one (<c>AddOrchestratorFunc</c>).</summary>
    private sealed class Toy<TInput>(Func<TaskOrchestrationContext, TInput, Task<object?>> run) : TaskOrchestrator<TInput, object?>
    {
        public override Task<object?> RunAsync(TaskOrchestrationContext context, TInput input) => run(context, input);
    }
}
