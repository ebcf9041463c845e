using Nemo.Simulator;

namespace Nemo.Client.Tests.EndToEnd;

/// <summary>1001 is repaired by the client (a new anonymous token); 1002 is handed to the caller as recoverable.</summary>
public sealed class RecoveryTests
{
    [Fact]
    public async Task An_expired_token_is_replaced_once_persisted_and_the_call_succeeds()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        await harness.Client.GetCreditsAsync(harness.Deadline);
        harness.Simulator.Faults.Add(Fault.On(SimulatorEndpoint.Credits).TokenExpired().Once());

        var credits = await harness.Client.GetCreditsAsync(harness.Deadline);
        // Another process picks up the replacement from the token file.
        await harness.CreateClient().GetCreditsAsync(harness.Deadline);

        Assert.Equal(100, credits.Available);
        var tokens = JournalAssert.On(harness.Journal, SimulatorEndpoint.AnonymousToken);
        Assert.Equal(2, tokens.Count);
        Assert.Equal(tokens[0].ClientId, tokens[1].ClientId);
        var calls = JournalAssert.On(harness.Journal, SimulatorEndpoint.Credits);
        Assert.Equal(4, calls.Count);
        Assert.Equal(FaultKind.TokenExpired, calls[1].Fault);
        Assert.Equal(calls[0].TokenHash, calls[1].TokenHash);
        Assert.NotEqual(calls[1].TokenHash, calls[2].TokenHash);
        Assert.Equal(calls[2].TokenHash, calls[3].TokenHash);
        JournalAssert.AttributionOnEveryRequest(harness.Journal, NemoProfiles.Best.SkillSource);
    }

    [Fact]
    public async Task A_prompt_refused_for_an_expired_token_is_recoverable_and_not_resent_by_the_client()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var session = await harness.SessionWithImageAsync();
        harness.Simulator.Faults.Add(Fault.On(SimulatorEndpoint.RunSse).TokenExpired().Once());
        const string Prompt = "turn my photo into a smooth animated video";

        var error = await Assert.ThrowsAsync<NemoApiException>(() =>
            ChatReply.CollectAsync(harness.Client.SendPromptAsync(session.SessionId, Prompt, harness.Deadline), harness.Deadline));
        Assert.Equal(1, harness.Journal.Count(SimulatorEndpoint.RunSse));
        // The prompt was refused before it was accepted, so the caller may send it again: a new token is used.
        var (reply, draft) = await harness.PromptAsync(session.SessionId, Prompt);

        Assert.Equal(1001, error.NemoCode);
        Assert.Equal(NemoErrorKind.Recoverable, error.Kind);
        Assert.True(reply.HadText);
        Assert.True(draft.IsExportable);
        Assert.Equal(2, harness.Journal.Count(SimulatorEndpoint.AnonymousToken));
        Assert.Equal(new Dictionary<string, int> { [session.SessionId] = 2 }, harness.Journal.PromptsPerSession());
        JournalAssert.AttributionOnEveryRequest(harness.Journal, NemoProfiles.Best.SkillSource);
    }

    [Fact]
    public async Task A_lost_session_is_a_recoverable_1002_and_a_new_session_works()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var lost = await harness.SessionWithImageAsync();
        harness.Simulator.Faults.Add(Fault.On(SimulatorEndpoint.State).SessionLost().Once());

        var error = await Assert.ThrowsAsync<NemoApiException>(() => harness.Client.GetStateAsync(lost.SessionId, harness.Deadline));
        // The session is really gone: the simulator itself now answers 1002.
        var again = await Assert.ThrowsAsync<NemoApiException>(() => harness.Client.GetStateAsync(lost.SessionId, harness.Deadline));
        var replacement = await harness.SessionWithImageAsync();
        var (_, draft) = await harness.PromptAsync(replacement.SessionId, "turn my photo into a smooth animated video");

        Assert.Equal(1002, error.NemoCode);
        Assert.Equal(NemoErrorKind.Recoverable, error.Kind);
        Assert.Equal(1002, again.NemoCode);
        Assert.Equal(NemoErrorKind.Recoverable, again.Kind);
        Assert.True(draft.IsExportable);
        Assert.NotEqual(lost.SessionId, replacement.SessionId);
        var stateCalls = JournalAssert.On(harness.Journal, SimulatorEndpoint.State);
        Assert.Equal([lost.SessionId, lost.SessionId, replacement.SessionId], stateCalls.Select(c => c.SessionId));
        JournalAssert.AttributionOnEveryRequest(harness.Journal, NemoProfiles.Best.SkillSource);
    }

    [Fact]
    public async Task When_no_new_token_can_be_had_the_rate_limit_is_terminal_and_names_the_fix()
    {
        await using var harness = await SimulatorHarness.StartAsync(o => o.TokensPerClientLimit = 1);
        await harness.Client.GetCreditsAsync(harness.Deadline);
        harness.Simulator.Accounts.ExpireAllTokens();

        var error = await Assert.ThrowsAsync<NemoApiException>(() => harness.Client.GetCreditsAsync(harness.Deadline));

        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal(NemoErrorKind.Terminal, error.Kind);
        Assert.Contains("NEMO_TOKEN", error.Meaning, StringComparison.Ordinal);
        Assert.Equal([200, 429], JournalAssert.On(harness.Journal, SimulatorEndpoint.AnonymousToken).Select(e => e.StatusCode));
        Assert.Equal(2, harness.Journal.Count(SimulatorEndpoint.Credits));
    }
}
