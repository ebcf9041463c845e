using Nemo.Client.Tests.Testing;
using Nemo.Simulator;

namespace Nemo.Client.Tests.EndToEnd;

/// <summary>Idempotent calls ride out transient failures over real HTTP; 429 waits what the server asked.</summary>
public sealed class TransientRetryTests
{
    [Theory]
    [InlineData(ErrorStyle.HttpStatusEnvelope)]
    [InlineData(ErrorStyle.NonJsonBody)]
    [InlineData(ErrorStyle.Http200Envelope)]
    public async Task GetState_succeeds_after_two_503s_in_any_error_style(ErrorStyle style)
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var session = await harness.Client.CreateSessionAsync(cancellationToken: harness.Deadline);
        harness.Simulator.Faults.Add(Fault.On(SimulatorEndpoint.State).ServerError(503).As(style).Times(2));

        var state = await harness.Client.GetStateAsync(session.SessionId, harness.Deadline);

        Assert.Equal(session.SessionId, state.SessionId);
        Assert.NotNull(state.Draft);
        Assert.False(state.Draft.IsExportable);
        var calls = JournalAssert.On(harness.Journal, SimulatorEndpoint.State);
        Assert.Equal(3, calls.Count);
        Assert.Equal([FaultKind.ServerError, FaultKind.ServerError, null], calls.Select(c => c.Fault));
        Assert.Equal(200, calls[2].StatusCode);
        JournalAssert.AttributionOnEveryRequest(harness.Journal, NemoProfiles.Best.SkillSource);
    }

    [Fact]
    public async Task GetCredits_succeeds_after_a_connection_reset()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Simulator.Faults.Add(Fault.On(SimulatorEndpoint.Credits).ConnectionReset().Once());

        var credits = await harness.Client.GetCreditsAsync(harness.Deadline);

        Assert.Equal(new NemoCredits(100, 0, 100), credits);
        var calls = JournalAssert.On(harness.Journal, SimulatorEndpoint.Credits);
        Assert.Equal(2, calls.Count);
        Assert.True(calls[0].Aborted);
        Assert.Null(calls[0].StatusCode);
        Assert.Equal(200, calls[1].StatusCode);
        JournalAssert.AttributionOnEveryRequest(harness.Journal, NemoProfiles.Best.SkillSource);
    }

    [Theory]
    [InlineData(45, 45)]
    [InlineData(5, 30)]
    public async Task A_429_on_a_GET_waits_the_Retry_After_but_at_least_30_seconds(int retryAfterSeconds, int expectedWaitSeconds)
    {
        // Retry-After is real seconds; the client waits on its own clock, so a fake one stands in for 30+ s.
        var time = new TimerRecordingTimeProvider(DateTimeOffset.UtcNow);
        await using var harness = await SimulatorHarness.StartAsync(
            configureClient: o => o.RequestTimeout = Timeout.InfiniteTimeSpan,
            timeProvider: time);
        harness.Simulator.Faults.Add(Fault.On(SimulatorEndpoint.Credits).RateLimited(TimeSpan.FromSeconds(retryAfterSeconds)).Once());

        var credits = await TestClient.Drive(time, harness.Client.GetCreditsAsync(harness.Deadline));

        Assert.Equal(100, credits.Available);
        Assert.Equal([TimeSpan.FromSeconds(expectedWaitSeconds)], time.ScheduledDelays);
        var calls = JournalAssert.On(harness.Journal, SimulatorEndpoint.Credits);
        Assert.Equal([429, 200], calls.Select(c => c.StatusCode));
        JournalAssert.AttributionOnEveryRequest(harness.Journal, NemoProfiles.Best.SkillSource);
    }

    [Fact]
    public async Task A_response_slower_than_the_request_timeout_is_abandoned_and_retried()
    {
        await using var harness = await SimulatorHarness.StartAsync(
            configureClient: o => o.RequestTimeout = TimeSpan.FromSeconds(1));
        await harness.TokenAsync();
        // Ten simulated minutes: six real seconds, far past the client's timeout.
        harness.Simulator.Faults.Add(Fault.On(SimulatorEndpoint.Credits).Slow(TimeSpan.FromMinutes(10)).Once());

        var credits = await harness.Client.GetCreditsAsync(harness.Deadline);

        Assert.Equal(100, credits.Available);
        var calls = JournalAssert.On(harness.Journal, SimulatorEndpoint.Credits);
        Assert.Equal(2, calls.Count);
        Assert.Equal(FaultKind.Slow, calls[0].Fault);
        Assert.True(calls[0].Aborted);
        Assert.Equal(200, calls[1].StatusCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_upload_is_retried_after_a_503_only_when_its_stream_can_be_rewound(bool seekable)
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var session = await harness.Client.CreateSessionAsync(cancellationToken: harness.Deadline);
        harness.Simulator.Faults.Add(Fault.On(SimulatorEndpoint.Upload).ServerError(503).Once());
        var png = TestImages.Png(32, 24);
        using Stream content = seekable ? new MemoryStream(png) : new NonSeekableStream(png);

        var error = await Record.ExceptionAsync(() =>
            harness.Client.UploadAsync(session.SessionId, [new UploadFile("photo.png", content)], harness.Deadline));

        var calls = JournalAssert.On(harness.Journal, SimulatorEndpoint.Upload);
        if (seekable)
        {
            Assert.Null(error);
            Assert.Equal([503, 200], calls.Select(c => c.StatusCode));
            // The retry sent the whole file again, from its first byte.
            var state = await harness.Client.GetStateAsync(session.SessionId, harness.Deadline);
            var info = Assert.Single(state.VideoInfos!.Value.EnumerateArray());
            Assert.Equal(32, info.GetProperty("width").GetInt32());
        }
        else
        {
            var failure = Assert.IsType<NemoApiException>(error);
            Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, failure.StatusCode);
            Assert.Equal(NemoErrorKind.Transient, failure.Kind);
            Assert.Equal([503], calls.Select(c => c.StatusCode));
        }
    }
}
