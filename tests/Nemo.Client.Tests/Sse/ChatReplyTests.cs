namespace Nemo.Client.Tests.Sse;

public sealed class ChatReplyTests
{
    [Fact]
    public async Task CollectAsync_sums_up_a_stream_read_from_the_wire()
    {
        var response = new SseTestResponse(new ScriptedStream()
            .Then("data: {\"content\":{\"parts\":[{\"text\":\"Adding \"}]},\"partial\":true}\n\n")
            .Then("data: \n\n")
            .Then("data: {\"content\":{\"parts\":[{\"text\":\"music.\"}]},\"partial\":true}\n\n")
            .Then("data: {\"content\":{\"parts\":[{\"text\":\"Adding music.\"}]}}\n\n")
            .Then("data: {\"content\":{\"parts\":[{\"functionCall\":{\"name\":\"add_bgm\",\"args\":{}}}]}}\n\n")
            .Then("data: {\"type\":\"text\",\"content\":\"Preview it in the timeline, then click Export.\"}\n\n"));
        var events = ChatEventStream.ReadAsync(response.Message, new ChatStreamOptions(), new FakeTimeProvider(), CancellationToken.None);

        var reply = await ChatReply.CollectAsync(events);

        Assert.Equal("Adding music.", reply.Text);
        Assert.Equal("add_bgm", Assert.Single(reply.ToolCalls).Name);
        Assert.Equal([AgentSuggestion.ReadState, AgentSuggestion.Render], reply.Suggestions);
        Assert.True(reply.HadText);
        Assert.True(response.IsDisposed);
    }

    [Fact]
    public async Task CollectAsync_lets_stream_failures_through()
    {
        var reply = ChatReply.CollectAsync(Failing());

        var ex = await Assert.ThrowsAsync<NemoStreamInterruptedException>(() => reply);
        Assert.Equal(StreamInterruption.Dropped, ex.Reason);
    }

    [Fact]
    public async Task CollectAsync_forwards_the_cancellation_token()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ChatReply.CollectAsync(Endless(), cts.Token));
    }

    [Fact]
    public void An_empty_reply_has_empty_text_and_lists()
    {
        var reply = new ChatReply();

        Assert.Equal(string.Empty, reply.Text);
        Assert.False(reply.HadText);
        Assert.Empty(reply.ToolCalls);
        Assert.Empty(reply.Suggestions);
    }

    private static async IAsyncEnumerable<ChatEvent> Failing()
    {
        yield return new ChatTextEvent("partial", null, false);
        await Task.Yield();
        throw new NemoStreamInterruptedException(StreamInterruption.Dropped, "dropped");
    }

    private static async IAsyncEnumerable<ChatEvent> Endless(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return ChatKeepAliveEvent.Instance;
        }
    }
}
