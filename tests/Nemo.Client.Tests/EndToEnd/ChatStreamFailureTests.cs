using Nemo.Simulator;

namespace Nemo.Client.Tests.EndToEnd;

/// <summary>A prompt is charged when it arrives, so whatever goes wrong the client never sends it twice.</summary>
public sealed class ChatStreamFailureTests
{
    private const string Prompt = "turn my photo into a smooth animated video with music";

    public enum PromptFault
    {
        ServerError,
        ConnectionReset,
        RateLimited,
    }

    [Theory]
    [InlineData(PromptFault.ServerError)]
    [InlineData(PromptFault.ConnectionReset)]
    [InlineData(PromptFault.RateLimited)]
    public async Task A_failed_prompt_surfaces_as_a_transient_error_and_is_never_resent(PromptFault kind)
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var session = await harness.SessionWithImageAsync();
        var fault = Fault.On(SimulatorEndpoint.RunSse);
        harness.Simulator.Faults.Add(kind switch
        {
            PromptFault.ServerError => fault.ServerError(503),
            PromptFault.ConnectionReset => fault.ConnectionReset(),
            _ => fault.RateLimited(TimeSpan.FromSeconds(1)),
        });

        var error = await Assert.ThrowsAsync<NemoApiException>(() =>
            ChatReply.CollectAsync(harness.Client.SendPromptAsync(session.SessionId, Prompt, harness.Deadline), harness.Deadline));

        Assert.Equal(NemoErrorKind.Transient, error.Kind);
        Assert.Equal("POST /run_sse", error.Operation);
        Assert.Equal(new Dictionary<string, int> { [session.SessionId] = 1 }, harness.Journal.PromptsPerSession());
        JournalAssert.AttributionOnEveryRequest(harness.Journal, NemoProfiles.Best.SkillSource);
    }

    [Fact]
    public async Task A_dropped_stream_is_reported_and_the_draft_still_lands_without_a_second_prompt()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var session = await harness.SessionWithImageAsync();
        harness.Simulator.Faults.Add(Fault.On(SimulatorEndpoint.RunSse).DropStream(afterEvents: 2).Once());

        var received = new List<ChatEvent>();
        var error = await Assert.ThrowsAsync<NemoStreamInterruptedException>(async () =>
        {
            await foreach (var chatEvent in harness.Client.SendPromptAsync(session.SessionId, Prompt, harness.Deadline))
            {
                received.Add(chatEvent);
            }
        });
        // Recovery reads the state; it never sends the prompt again.
        var state = await harness.PollStateAsync(session.SessionId, s => s.Draft is { IsExportable: true });
        var credits = await harness.Client.GetCreditsAsync(harness.Deadline);

        Assert.Equal(StreamInterruption.Dropped, error.Reason);
        Assert.Equal("generate_video", Assert.IsType<ChatToolCallEvent>(received[0]).Name);
        Assert.DoesNotContain(received, e => e is ChatTextEvent);
        Assert.StartsWith("Timeline (2 tracks): 1. Video: city timelapse (0-5s) 2. BGM: Background music", state.Draft!.Summarize(), StringComparison.Ordinal);
        Assert.Equal(new NemoCredits(0, 0, 0), credits);
        Assert.Equal(new Dictionary<string, int> { [session.SessionId] = 1 }, harness.Journal.PromptsPerSession());
        Assert.True(Assert.Single(JournalAssert.On(harness.Journal, SimulatorEndpoint.RunSse)).Aborted);
        JournalAssert.AttributionOnEveryRequest(harness.Journal, NemoProfiles.Best.SkillSource);
    }

    [Theory]
    [InlineData(SseShape.Adk)]
    [InlineData(SseShape.Simplified)]
    public async Task An_error_event_inside_the_stream_is_reported_in_the_reply(SseShape shape)
    {
        await using var harness = await SimulatorHarness.StartAsync(o => o.SseShape = shape);
        var session = await harness.SessionWithImageAsync();
        harness.Simulator.Faults.Add(Fault.On(SimulatorEndpoint.RunSse).StreamError(afterEvents: 2, "agent crashed").Once());

        var reply = await ChatReply.CollectAsync(harness.Client.SendPromptAsync(session.SessionId, Prompt, harness.Deadline), harness.Deadline);

        Assert.Equal("agent crashed", Assert.Single(reply.Errors).Message);
        Assert.False(reply.HadText);
        Assert.Equal(new Dictionary<string, int> { [session.SessionId] = 1 }, harness.Journal.PromptsPerSession());
        JournalAssert.AttributionOnEveryRequest(harness.Journal, NemoProfiles.Best.SkillSource);
    }

    [Fact]
    public async Task A_stream_of_only_keep_alives_times_out_and_the_draft_is_recovered_from_state()
    {
        // Generation takes 100 simulated s (1 real s) with keep-alives every 40 real ms; the client gives up after 150 ms.
        await using var harness = await SimulatorHarness.StartAsync(
            o => o.GenerationDelayMin = o.GenerationDelayMax = TimeSpan.FromSeconds(100),
            o => o.ChatStream.KeepAliveTimeout = TimeSpan.FromMilliseconds(150));
        var session = await harness.SessionWithImageAsync();

        var error = await Assert.ThrowsAsync<NemoStreamInterruptedException>(() =>
            ChatReply.CollectAsync(harness.Client.SendPromptAsync(session.SessionId, Prompt, harness.Deadline), harness.Deadline));
        var state = await harness.PollStateAsync(session.SessionId, s => s.Draft is { IsExportable: true });

        Assert.Equal(StreamInterruption.KeepAliveTimeout, error.Reason);
        Assert.True(state.Draft!.IsExportable);
        Assert.Equal(new Dictionary<string, int> { [session.SessionId] = 1 }, harness.Journal.PromptsPerSession());
        JournalAssert.AttributionOnEveryRequest(harness.Journal, NemoProfiles.Best.SkillSource);
    }
}
