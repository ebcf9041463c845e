using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Nemo.Conversions;
using Nemo.Functions.Durable;

namespace Nemo.Functions.Tests.Durable;

public sealed class DurableOrchestrationContextTests
{
    private readonly RecordingOrchestrationContext _inner = new("conv-00000000000000aa");
    private readonly DurableOrchestrationContext _context;

    public DurableOrchestrationContextTests() => _context = new DurableOrchestrationContext(_inner);

    [Fact]
    public void InstanceId_time_and_replay_flag_come_from_the_Durable_context()
    {
        _inner.Now = new DateTime(2025, 7, 1, 8, 30, 0, DateTimeKind.Utc);
        _inner.Replaying = true;

        Assert.Equal("conv-00000000000000aa", _context.InstanceId);
        Assert.Equal(new DateTime(2025, 7, 1, 8, 30, 0, DateTimeKind.Utc), _context.CurrentUtcDateTime);
        Assert.True(_context.IsReplaying);
    }

    [Fact]
    public async Task CallActivityAsync_passes_name_and_input_and_returns_the_result()
    {
        var input = new CreateSessionInput("best", "en");
        _inner.Responder = (_, _) => Task.FromResult<object?>("session-1");

        var result = await _context.CallActivityAsync<string>(ConversionActivityNames.CreateSession, input);

        Assert.Equal("session-1", result);
        var (name, sent, options) = Assert.Single(_inner.Activities);
        Assert.Equal(ConversionActivityNames.CreateSession, name);
        Assert.Same(input, sent);
        Assert.Null(options);
    }

    [Fact]
    public async Task CallActivityAsync_turns_the_retry_policy_into_TaskOptions_with_a_RetryPolicy()
    {
        _inner.Responder = (_, _) => Task.FromResult<object?>(true);
        var retry = new ActivityRetryPolicy(4, TimeSpan.FromSeconds(3), 1.5, TimeSpan.FromSeconds(40));

        await _context.CallActivityAsync<bool>(ConversionActivityNames.WriteResult, null, retry);

        var policy = Assert.Single(_inner.Activities).Options?.Retry?.Policy;
        Assert.NotNull(policy);
        Assert.Equal(4, policy.MaxNumberOfAttempts);
        Assert.Equal(TimeSpan.FromSeconds(3), policy.FirstRetryInterval);
        Assert.Equal(1.5, policy.BackoffCoefficient);
        Assert.Equal(TimeSpan.FromSeconds(40), policy.MaxRetryInterval);
    }

    [Fact]
    public void ToTaskOptions_keeps_the_default_policy_and_no_policy_as_none()
    {
        Assert.Null(DurableOrchestrationContext.ToTaskOptions(null));
        var policy = DurableOrchestrationContext.ToTaskOptions(ActivityRetryPolicy.Default)?.Retry?.Policy;
        Assert.NotNull(policy);
        Assert.Equal(ActivityRetryPolicy.Default.MaxAttempts, policy.MaxNumberOfAttempts);
        Assert.Equal(ActivityRetryPolicy.Default.FirstRetryInterval, policy.FirstRetryInterval);
    }

    [Fact]
    public async Task A_failed_activity_surfaces_as_ActivityFailedException_with_the_error_type_and_message()
    {
        _inner.Responder = (name, _) => Task.FromException<object?>(
            new TaskFailedException(name, 7, new InvalidOperationException("The store is offline.")));

        var ex = await Assert.ThrowsAsync<ActivityFailedException>(
            () => _context.CallActivityAsync<object>(ConversionActivityNames.SaveOutput, new object()));

        Assert.Equal(ConversionActivityNames.SaveOutput, ex.Name);
        Assert.Equal(typeof(InvalidOperationException).FullName, ex.ErrorType);
        Assert.Equal("The store is offline.", ex.ErrorMessage);
    }

    [Fact]
    public async Task CallSubOrchestratorAsync_names_the_child_instance_through_SubOrchestrationOptions()
    {
        _inner.Responder = (_, _) => Task.FromResult<object?>(42);

        var result = await _context.CallSubOrchestratorAsync<int>(ConversionWorkflow.Conversion, "conv-00000000000000bb", "input");

        Assert.Equal(42, result);
        var (name, input, options) = Assert.Single(_inner.SubOrchestrations);
        Assert.Equal(ConversionWorkflow.Conversion, name);
        Assert.Equal("input", input);
        Assert.Equal("conv-00000000000000bb", Assert.IsType<SubOrchestrationOptions>(options).InstanceId);
    }

    [Fact]
    public async Task A_failed_child_orchestration_surfaces_as_ActivityFailedException()
    {
        _inner.Responder = (name, _) => Task.FromException<object?>(new TaskFailedException(name, 2, new TimeoutException("too slow")));

        var ex = await Assert.ThrowsAsync<ActivityFailedException>(
            () => _context.CallSubOrchestratorAsync<object>(ConversionWorkflow.Conversion, "conv-00000000000000cc"));

        Assert.Equal(ConversionWorkflow.Conversion, ex.Name);
        Assert.Equal(typeof(TimeoutException).FullName, ex.ErrorType);
    }

    [Fact]
    public async Task Timers_events_and_status_go_to_the_Durable_context()
    {
        using var cancel = new CancellationTokenSource();
        var fireAt = new DateTime(2025, 6, 1, 12, 5, 0, DateTimeKind.Utc);
        var status = new { stage = "render" };

        await _context.CreateTimer(fireAt, cancel.Token);
        var waiting = _context.WaitForExternalEvent<CancelRequest>(OrchestrationEvents.Cancel, cancel.Token);
        _context.SendEvent("batch-0000000000000001", "item-done", 3);
        _context.SetCustomStatus(status);

        var (at, token) = Assert.Single(_inner.Timers);
        Assert.Equal(fireAt, at);
        Assert.Equal(cancel.Token, token);
        Assert.Equal([OrchestrationEvents.Cancel], _inner.AwaitedEvents);
        Assert.False(waiting.IsCompleted);
        Assert.Equal(("batch-0000000000000001", "item-done", (object)3), Assert.Single(_inner.SentEvents));
        Assert.Same(status, Assert.Single(_inner.CustomStatuses));
    }

    [Fact]
    public void The_replay_safe_logger_writes_only_when_not_replaying()
    {
        using var provider = new CapturingLoggerProvider();
        using var factory = new LoggerFactory([provider]);
        var inner = new RecordingOrchestrationContext(loggerFactory: factory) { Replaying = true };
        var logger = new DurableOrchestrationContext(inner).CreateReplaySafeLogger("Nemo.Tests");

        logger.Log(LogLevel.Information, new EventId(1), "during replay", null, (s, _) => s);
        inner.Replaying = false;
        logger.Log(LogLevel.Information, new EventId(2), "live", null, (s, _) => s);

        Assert.Equal([("Nemo.Tests", "live")], provider.Messages);
    }
}
