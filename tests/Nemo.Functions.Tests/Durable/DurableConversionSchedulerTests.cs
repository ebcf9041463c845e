using System.Text.Json;
using Grpc.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Nemo.Conversions;
using Nemo.Functions.Configuration;
using Nemo.Functions.Durable;

namespace Nemo.Functions.Tests.Durable;

public sealed class DurableConversionSchedulerTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Noon = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly RecordingDurableTaskClient _client = new();
    private readonly FakeTimeProvider _time = new(Noon);
    private readonly IConversionScheduler _scheduler;

    public DurableConversionSchedulerTests() =>
        _scheduler = new ConversionSchedulerFactory(_time, Options.Create(new SchedulerOptions { ListLookback = TimeSpan.FromDays(7) }))
            .Create(_client);

    public ValueTask DisposeAsync() => _client.DisposeAsync();

    [Fact]
    public async Task ScheduleAsync_starts_the_orchestrator_under_the_given_instance_id()
    {
        var input = new ConversionRequest("beach", ["staged/beach.jpg"], "animate it", "best", null);

        Assert.True(await _scheduler.ScheduleAsync(ConversionWorkflow.Conversion, "conv-0000000000000001", input));

        var (name, sent, options) = Assert.Single(_client.Scheduled);
        Assert.Equal(ConversionWorkflow.Conversion, name);
        Assert.Same(input, sent);
        Assert.Equal("conv-0000000000000001", options?.InstanceId);
        Assert.Null(options?.StartAt);
    }

    [Theory]
    [InlineData(OrchestrationRuntimeStatus.Running)]
    [InlineData(OrchestrationRuntimeStatus.Completed)]
    [InlineData(OrchestrationRuntimeStatus.Failed)]
    public async Task ScheduleAsync_does_not_start_an_instance_that_exists_in_any_state(OrchestrationRuntimeStatus status)
    {
        _client.Add("conv-0000000000000001", status, Noon);

        Assert.False(await _scheduler.ScheduleAsync(ConversionWorkflow.Conversion, "conv-0000000000000001", new object()));
        Assert.Empty(_client.Scheduled);
    }

    [Fact]
    public async Task ScheduleAsync_treats_a_lost_race_for_the_same_id_as_already_started()
    {
        _client.ScheduleFailure = new RpcException(new Status(StatusCode.AlreadyExists, "An Orchestration instance with the ID exists."));

        Assert.False(await _scheduler.ScheduleAsync(ConversionWorkflow.Conversion, "conv-0000000000000001", new object()));
    }

    [Fact]
    public async Task ScheduleAsync_lets_other_failures_through()
    {
        _client.ScheduleFailure = new RpcException(new Status(StatusCode.Unavailable, "The host is starting."));

        var ex = await Assert.ThrowsAsync<RpcException>(() => _scheduler.ScheduleAsync(ConversionWorkflow.Conversion, "conv-0000000000000001", new object()));
        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
    }

    [Fact]
    public async Task GetAsync_maps_the_metadata_with_custom_status_output_and_error()
    {
        _client.Add(
            "conv-0000000000000001",
            OrchestrationRuntimeStatus.Failed,
            Noon,
            customStatus: """{"stage":"wait","renderProgress":40}""",
            output: """{"status":"failed"}""",
            failure: new TaskFailureDetails("System.InvalidOperationException", "The orchestration broke.", null, null, null));

        var instance = await _scheduler.GetAsync("conv-0000000000000001");

        Assert.NotNull(instance);
        Assert.Equal("conv-0000000000000001", instance.InstanceId);
        Assert.Equal(ConversionWorkflow.Conversion, instance.Name);
        Assert.Equal(InstanceStatus.Failed, instance.Status);
        Assert.Equal(Noon.UtcDateTime, instance.CreatedAt);
        Assert.Equal(Noon.UtcDateTime.AddMinutes(1), instance.LastUpdatedAt);
        Assert.Equal(40, instance.CustomStatus?.GetProperty("renderProgress").GetInt32());
        Assert.Equal("failed", instance.Output?.GetProperty("status").GetString());
        Assert.Equal("System.InvalidOperationException: The orchestration broke.", instance.Error);
        Assert.Equal(("conv-0000000000000001", true), Assert.Single(_client.Lookups));
    }

    [Fact]
    public async Task GetAsync_answers_null_for_an_unknown_instance()
    {
        Assert.Null(await _scheduler.GetAsync("conv-ffffffffffffffff"));
    }

    [Theory]
    [InlineData(OrchestrationRuntimeStatus.Pending, InstanceStatus.Pending)]
    [InlineData(OrchestrationRuntimeStatus.Running, InstanceStatus.Running)]
    [InlineData(OrchestrationRuntimeStatus.Completed, InstanceStatus.Completed)]
    [InlineData(OrchestrationRuntimeStatus.Failed, InstanceStatus.Failed)]
    [InlineData(OrchestrationRuntimeStatus.Terminated, InstanceStatus.Terminated)]
    public void Runtime_statuses_map_to_the_port_statuses(OrchestrationRuntimeStatus status, InstanceStatus expected)
    {
        Assert.Equal(expected, DurableConversionScheduler.ToStatus(status));
    }

    [Fact]
    public async Task ListAsync_queries_the_lookback_window_with_outputs_and_returns_the_most_recent_first()
    {
        _client.Add("conv-000000000000000a", OrchestrationRuntimeStatus.Completed, Noon.AddHours(-3));
        _client.Add("conv-000000000000000b", OrchestrationRuntimeStatus.Running, Noon.AddHours(-1));
        _client.Add("conv-000000000000000c", OrchestrationRuntimeStatus.Pending, Noon.AddMinutes(-5));
        _client.Add("conv-000000000000000d", OrchestrationRuntimeStatus.Failed, Noon.AddHours(-2));

        var instances = await _scheduler.ListAsync(3);

        Assert.Equal(["conv-000000000000000c", "conv-000000000000000b", "conv-000000000000000d"], instances.Select(i => i.InstanceId));
        var query = Assert.Single(_client.Queries);
        Assert.NotNull(query);
        Assert.Equal(Noon.AddDays(-7), query.CreatedFrom);
        Assert.True(query.FetchInputsAndOutputs);
    }

    [Fact]
    public async Task CancelAsync_raises_the_cancel_event_on_a_running_instance()
    {
        _client.Add("conv-0000000000000001", OrchestrationRuntimeStatus.Running, Noon);

        Assert.True(await _scheduler.CancelAsync("conv-0000000000000001", "Changed my mind."));

        var (id, name, payload) = Assert.Single(_client.RaisedEvents);
        Assert.Equal("conv-0000000000000001", id);
        Assert.Equal(OrchestrationEvents.Cancel, name);
        Assert.Equal(new CancelRequest("Changed my mind."), payload);
    }

    [Theory]
    [InlineData(OrchestrationRuntimeStatus.Completed)]
    [InlineData(OrchestrationRuntimeStatus.Terminated)]
    public async Task CancelAsync_does_nothing_for_a_finished_or_unknown_instance(OrchestrationRuntimeStatus status)
    {
        _client.Add("conv-0000000000000001", status, Noon);

        Assert.False(await _scheduler.CancelAsync("conv-0000000000000001"));
        Assert.False(await _scheduler.CancelAsync("conv-ffffffffffffffff"));
        Assert.Empty(_client.RaisedEvents);
    }

    [Fact]
    public void Custom_status_written_by_the_pipeline_round_trips_as_JSON()
    {
        var metadata = _client.Add("conv-0000000000000001", OrchestrationRuntimeStatus.Running, Noon,
            customStatus: JsonSerializer.Serialize(new { stage = "prompt" }, ConversionJson.Compact));

        Assert.Equal("prompt", DurableConversionScheduler.ToInstance(metadata).CustomStatus?.GetProperty("stage").GetString());
    }
}
