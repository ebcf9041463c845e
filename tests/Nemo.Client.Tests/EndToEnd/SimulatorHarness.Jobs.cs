namespace Nemo.Client.Tests.EndToEnd;

/// <summary>The steps most tests share: a session with an image, a prompt read to the end, a ready draft.</summary>
internal sealed partial class SimulatorHarness
{
    /// <summary>The token the first client uses (acquiring it when needed).</summary>
    public async Task<NemoAccessToken> TokenAsync() => await Client.TokenSource.GetTokenAsync(Deadline);

    /// <summary>A new session with one uploaded PNG.</summary>
    public async Task<NemoSession> SessionWithImageAsync(NemoClient? client = null, string fileName = "city_timelapse.png")
    {
        client ??= Client;
        var session = await client.CreateSessionAsync(cancellationToken: Deadline);
        using var image = new MemoryStream(TestImages.Png(64, 48));
        await client.UploadAsync(session.SessionId, [new UploadFile(fileName, image)], Deadline);
        return session;
    }

    /// <summary>Sends a prompt, reads the reply to the end, and returns the session's draft.</summary>
    public async Task<(ChatReply Reply, NemoDraft Draft)> PromptAsync(string sessionId, string prompt, NemoClient? client = null)
    {
        client ??= Client;
        var reply = await ChatReply.CollectAsync(client.SendPromptAsync(sessionId, prompt, Deadline), Deadline);
        var state = await client.GetStateAsync(sessionId, Deadline);
        Assert.NotNull(state.Draft);
        return (reply, state.Draft);
    }

    /// <summary>A session with an image and an exportable draft.</summary>
    public async Task<(NemoSession Session, NemoDraft Draft)> ReadyDraftAsync()
    {
        var session = await SessionWithImageAsync();
        var (_, draft) = await PromptAsync(session.SessionId, "turn my photo into a smooth animated video");
        Assert.True(draft.IsExportable);
        return (session, draft);
    }

    /// <summary>Reads the state until <paramref name="done"/> holds (the draft of a prompt whose stream broke lands later).</summary>
    public async Task<SessionState> PollStateAsync(string sessionId, Func<SessionState, bool> done)
    {
        while (true)
        {
            var state = await Client.GetStateAsync(sessionId, Deadline);
            if (done(state))
            {
                return state;
            }

            await Task.Delay(PollInterval, Deadline);
        }
    }
}
