using System.Text;

namespace Nemo.Client.Tests.Sse;

public sealed class ChatEventStreamTests
{
    private const string AdkText = """{"content":{"role":"model","parts":[{"text":"Hello 🎬 world"}]},"author":"nemo","id":"e1","timestamp":1743712255.3}""";
    private const string SimpleText = """{"type":"text","content":"Done"}""";

    private readonly FakeTimeProvider _clock = new();
    private readonly ChatStreamOptions _options = new();

    [Fact]
    public async Task Reads_events_until_the_connection_closes_and_then_disposes_the_response()
    {
        var response = new SseTestResponse(new ScriptedStream()
            .Then($"data: {AdkText}\n\n")
            .Then($"data: {SimpleText}\n\n"));

        var events = await ReadAllAsync(response);

        Assert.Equal(
            [new ChatTextEvent("Hello 🎬 world", "nemo", false), new ChatTextEvent("Done", null, false)],
            events);
        Assert.True(response.IsDisposed);
        Assert.True(response.Stream.IsDisposed);
    }

    [Fact]
    public async Task An_empty_stream_completes_without_events()
    {
        var response = new SseTestResponse(new ScriptedStream());

        Assert.Empty(await ReadAllAsync(response));
        Assert.True(response.IsDisposed);
    }

    [Fact]
    public async Task An_event_split_at_every_byte_gives_the_same_event()
    {
        // The emoji is four UTF-8 bytes, so some splits fall inside it.
        var bytes = Encoding.UTF8.GetBytes($"data: {AdkText}\n\n");
        for (var split = 1; split < bytes.Length; split++)
        {
            var response = new SseTestResponse(new ScriptedStream().ThenBytes(bytes[..split]).ThenBytes(bytes[split..]));

            var events = await ReadAllAsync(response);

            Assert.Equal([new ChatTextEvent("Hello 🎬 world", "nemo", false)], events);
        }
    }

    [Fact]
    public async Task An_event_delivered_one_byte_per_read_is_read_whole()
    {
        var stream = new ScriptedStream();
        foreach (var b in Encoding.UTF8.GetBytes($"data: {AdkText}\r\n\r\n"))
        {
            stream.ThenBytes([b]);
        }

        Assert.Equal([new ChatTextEvent("Hello 🎬 world", "nemo", false)], await ReadAllAsync(new SseTestResponse(stream)));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public async Task Any_line_ending_separates_events(string newline)
    {
        var response = new SseTestResponse(new ScriptedStream()
            .Then($"data: {SimpleText}{newline}{newline}data: {AdkText}{newline}{newline}"));

        var events = await ReadAllAsync(response);

        Assert.Equal(2, events.Count);
        Assert.Equal("Hello 🎬 world", Assert.IsType<ChatTextEvent>(events[1]).Text);
    }

    [Fact]
    public async Task A_CRLF_split_between_reads_is_one_line_end()
    {
        var response = new SseTestResponse(new ScriptedStream()
            .Then("data: {\"type\":\"text\",\r")
            .Then("\ndata: \"content\":\"joined\"}\r\n\r\n"));

        // Had the CR and the LF been read as two line ends, each half would be an event of its own, both invalid.
        Assert.Equal([new ChatTextEvent("joined", null, false)], await ReadAllAsync(response));
    }

    [Fact]
    public async Task A_leading_byte_order_mark_is_ignored()
    {
        var response = new SseTestResponse(new ScriptedStream()
            .ThenBytes([0xEF, 0xBB])
            .ThenBytes([0xBF, .. Encoding.UTF8.GetBytes($"data: {SimpleText}\n\n")]));

        Assert.Equal([new ChatTextEvent("Done", null, false)], await ReadAllAsync(response));
    }

    [Fact]
    public async Task Comment_lines_give_nothing_and_empty_data_gives_keep_alives()
    {
        var response = new SseTestResponse(new ScriptedStream()
            .Then(": ping\n\n")
            .Then("data:\n\n")
            .Then("data: \n\n")
            .Then("data: {\"type\":\"heartbeat\"}\n\n")
            .Then($": still here\ndata: {SimpleText}\n\n"));

        var events = await ReadAllAsync(response);

        Assert.Equal(
            [ChatKeepAliveEvent.Instance, ChatKeepAliveEvent.Instance, ChatKeepAliveEvent.Instance, new ChatTextEvent("Done", null, false)],
            events);
    }

    [Fact]
    public async Task Event_and_id_lines_do_not_change_the_events()
    {
        var response = new SseTestResponse(new ScriptedStream()
            .Then($"event: message\nid: 1\ndata: {SimpleText}\n\n")
            .Then($"id: 2\nretry: 3000\ndata: {SimpleText}\n\n")
            .Then($"event: error\ndata: {SimpleText}\n\n"));

        Assert.Equal(3, (await ReadAllAsync(response)).Count(e => e == new ChatTextEvent("Done", null, false)));
    }

    [Fact]
    public async Task Multi_line_data_is_joined_with_line_feeds_and_parsed_as_one_document()
    {
        var response = new SseTestResponse(new ScriptedStream()
            .Then("data: {\"type\":\"text\",\n")
            .Then("data:  \"content\":\"two lines\"}\n\n"));

        Assert.Equal([new ChatTextEvent("two lines", null, false)], await ReadAllAsync(response));
    }

    [Fact]
    public async Task Multi_line_data_split_inside_a_JSON_string_is_skipped()
    {
        // Joined with a line feed, the string holds a raw control character: not valid JSON.
        var response = new SseTestResponse(new ScriptedStream()
            .Then("data: {\"type\":\"text\",\"content\":\"line one\ndata: line two\"}\n\n")
            .Then($"data: {SimpleText}\n\n"));

        Assert.Equal([new ChatTextEvent("Done", null, false)], await ReadAllAsync(response));
    }

    [Fact]
    public async Task Data_that_is_not_JSON_is_skipped_and_reading_goes_on()
    {
        var response = new SseTestResponse(new ScriptedStream()
            .Then("data: <html>502 Bad Gateway</html>\n\n")
            .Then("data: [1, 2]\n\n")
            .Then($"data: {SimpleText}\ndata: {SimpleText}\n\n")
            .Then($"data: {SimpleText} trailing words\n\n")
            .Then($"data: {SimpleText}\n\n"));

        Assert.Equal([new ChatTextEvent("Done", null, false)], await ReadAllAsync(response));
    }

    [Fact]
    public async Task A_payload_with_several_parts_gives_several_events_in_order()
    {
        const string Parts = """{"content":{"role":"model","parts":[{"text":"Generating"},{"functionCall":{"id":"c1","name":"generate_video","args":{"prompt":"zoom"}}}]},"author":"nemo"}""";
        var response = new SseTestResponse(new ScriptedStream().Then($"data: {Parts}\n\n"));

        var events = await ReadAllAsync(response);

        Assert.Equal(2, events.Count);
        Assert.Equal(new ChatTextEvent("Generating", "nemo", false), events[0]);
        var call = Assert.IsType<ChatToolCallEvent>(events[1]);
        Assert.Equal(("generate_video", "c1", "zoom"), (call.Name, call.Id, call.Arguments.GetProperty("prompt").GetString()));
    }

    [Theory]
    [MemberData(nameof(MidStreamFailures))]
    public async Task A_connection_failure_mid_stream_is_a_drop_after_the_events_before_it(Exception failure)
    {
        var response = new SseTestResponse(new ScriptedStream()
            .Then($"data: {SimpleText}\n\n")
            .Then("data: {\"type\":\"te")
            .ThenThrow(failure));
        var received = new List<ChatEvent>();

        var ex = await Assert.ThrowsAsync<NemoStreamInterruptedException>(async () =>
        {
            await foreach (var chatEvent in Read(response))
            {
                received.Add(chatEvent);
            }
        });

        Assert.Equal(StreamInterruption.Dropped, ex.Reason);
        Assert.Equal(NemoErrorKind.Transient, ex.Kind);
        Assert.Same(failure, ex.InnerException);
        Assert.Equal([new ChatTextEvent("Done", null, false)], received);
        Assert.True(response.IsDisposed);
    }

    public static TheoryData<Exception> MidStreamFailures() => new()
    {
        new IOException("connection reset"),
        new HttpIOException(HttpRequestError.ResponseEnded, "response ended prematurely"),
        new HttpRequestException("error while copying content"),
    };

    [Fact]
    public async Task Only_keep_alives_for_the_keep_alive_limit_is_a_keep_alive_timeout()
    {
        var response = new SseTestResponse(new ScriptedStream()
            .Then("data:\n\n")
            .ThenRun(() => _clock.Advance(TimeSpan.FromMinutes(6)))
            .Then("data: {\"type\":\"heartbeat\"}\n\n")
            .ThenRun(() => _clock.Advance(TimeSpan.FromMinutes(6)))
            .Then($"data: {SimpleText}\n\n"));
        var received = new List<ChatEvent>();

        // Keep-alives do not restart the count: 12 minutes after the start the 10-minute limit has passed.
        var ex = await Assert.ThrowsAsync<NemoStreamInterruptedException>(async () =>
        {
            await foreach (var chatEvent in Read(response))
            {
                received.Add(chatEvent);
            }
        });

        Assert.Equal(StreamInterruption.KeepAliveTimeout, ex.Reason);
        Assert.Equal([ChatKeepAliveEvent.Instance, ChatKeepAliveEvent.Instance], received);
        Assert.True(response.IsDisposed);
    }

    [Fact]
    public async Task Nothing_at_all_for_the_keep_alive_limit_is_a_keep_alive_timeout()
    {
        var response = new SseTestResponse(new ScriptedStream().ThenBlockUntilCancelled());
        await using var events = Read(response).GetAsyncEnumerator();

        var next = events.MoveNextAsync();
        _clock.Advance(TimeSpan.FromMinutes(10));

        var ex = await Assert.ThrowsAsync<NemoStreamInterruptedException>(async () => await next);
        Assert.Equal(StreamInterruption.KeepAliveTimeout, ex.Reason);
        Assert.True(response.IsDisposed);
    }

    [Fact]
    public async Task Any_other_event_restarts_the_keep_alive_count()
    {
        var response = new SseTestResponse(new ScriptedStream()
            .ThenRun(() => _clock.Advance(TimeSpan.FromMinutes(6)))
            .Then($"data: {SimpleText}\n\n")
            .ThenRun(() => _clock.Advance(TimeSpan.FromMinutes(6)))
            .Then("data: {\"type\":\"mystery\"}\n\n")
            .ThenRun(() => _clock.Advance(TimeSpan.FromMinutes(6)))
            .Then($"data: {SimpleText}\n\n"));

        // 18 minutes of stream, never 10 without activity; overall limit raised out of the way.
        _options.OverallTimeout = TimeSpan.FromHours(1);
        Assert.Equal(2, (await ReadAllAsync(response)).Count);
    }

    [Fact]
    public async Task Past_the_overall_limit_the_stream_stops_with_an_overall_timeout()
    {
        var response = new SseTestResponse(new ScriptedStream()
            .Then($"data: {SimpleText}\n\n")
            .ThenRun(() => _clock.Advance(TimeSpan.FromMinutes(8)))
            .Then($"data: {SimpleText}\n\n")
            .ThenRun(() => _clock.Advance(TimeSpan.FromMinutes(8)))
            .Then($"data: {SimpleText}\n\n"));
        var received = 0;

        var ex = await Assert.ThrowsAsync<NemoStreamInterruptedException>(async () =>
        {
            await foreach (var chatEvent in Read(response))
            {
                received++;
            }
        });

        Assert.Equal(StreamInterruption.OverallTimeout, ex.Reason);
        Assert.Equal(2, received);
        Assert.True(response.IsDisposed);
    }

    [Fact]
    public async Task The_limits_come_from_the_options()
    {
        _options.KeepAliveTimeout = TimeSpan.FromSeconds(30);
        var response = new SseTestResponse(new ScriptedStream()
            .ThenRun(() => _clock.Advance(TimeSpan.FromSeconds(29)))
            .Then($"data: {SimpleText}\n\n")
            .ThenRun(() => _clock.Advance(TimeSpan.FromSeconds(31)))
            .Then($"data: {SimpleText}\n\n"));

        var ex = await Assert.ThrowsAsync<NemoStreamInterruptedException>(() => ReadAllAsync(response));
        Assert.Equal(StreamInterruption.KeepAliveTimeout, ex.Reason);
    }

    [Fact]
    public async Task Caller_cancellation_is_an_operation_canceled_exception_not_an_interruption()
    {
        using var cts = new CancellationTokenSource();
        var response = new SseTestResponse(new ScriptedStream()
            .Then($"data: {SimpleText}\n\n")
            .ThenRun(cts.Cancel)
            .ThenBlockUntilCancelled());

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var chatEvent in ChatEventStream.ReadAsync(response.Message, _options, _clock, cts.Token))
            {
            }
        });

        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.True(response.IsDisposed);
    }

    [Fact]
    public async Task Caller_cancellation_while_a_read_is_blocked_stops_the_read()
    {
        using var cts = new CancellationTokenSource();
        var response = new SseTestResponse(new ScriptedStream().ThenBlockUntilCancelled());
        await using var events = ChatEventStream.ReadAsync(response.Message, _options, _clock, cts.Token).GetAsyncEnumerator();

        var next = events.MoveNextAsync();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await next);
        Assert.True(response.IsDisposed);
    }

    [Fact]
    public async Task Breaking_out_early_disposes_the_response()
    {
        var response = new SseTestResponse(new ScriptedStream()
            .Then($"data: {SimpleText}\n\n")
            .ThenBlockUntilCancelled());

        await foreach (var chatEvent in Read(response))
        {
            break;
        }

        Assert.True(response.IsDisposed);
        Assert.Equal(0, response.Stream.BlockedReads);
    }

    [Fact]
    public async Task An_exception_in_the_caller_loop_disposes_the_response()
    {
        var response = new SseTestResponse(new ScriptedStream().Then($"data: {SimpleText}\n\n").Then($"data: {SimpleText}\n\n"));

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var chatEvent in Read(response))
            {
                throw new InvalidOperationException("consumer failed");
            }
        });

        Assert.True(response.IsDisposed);
    }

    [Fact]
    public void Arguments_are_checked_before_enumeration()
    {
        using var response = new HttpResponseMessage();

        Assert.Throws<ArgumentNullException>(() => ChatEventStream.ReadAsync(null!, _options, _clock, default));
        Assert.Throws<ArgumentNullException>(() => ChatEventStream.ReadAsync(response, null!, _clock, default));
        Assert.Throws<ArgumentNullException>(() => ChatEventStream.ReadAsync(response, _options, null!, default));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            ChatEventStream.ReadAsync(response, new ChatStreamOptions { KeepAliveTimeout = TimeSpan.Zero }, _clock, default));
    }

    private IAsyncEnumerable<ChatEvent> Read(SseTestResponse response) =>
        ChatEventStream.ReadAsync(response.Message, _options, _clock, CancellationToken.None);

    private async Task<List<ChatEvent>> ReadAllAsync(SseTestResponse response)
    {
        var events = new List<ChatEvent>();
        await foreach (var chatEvent in Read(response))
        {
            events.Add(chatEvent);
        }

        return events;
    }
}
