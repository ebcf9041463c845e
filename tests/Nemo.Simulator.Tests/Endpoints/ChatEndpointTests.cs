using System.Net;
using System.Text.Json.Nodes;

namespace Nemo.Simulator.Tests;

public sealed class ChatEndpointTests
{
    private const string Prompt = "animate this image with a slow zoom-in and leftward pan, add lo-fi music and a title \"Urban Dreams\", 9:16";

    [Fact]
    public async Task Adk_shape_streams_call_keepalives_result_and_text_then_closes()
    {
        var (sim, nemo) = await RawNemo.StartAsync(o => o.NoTextProbability = 0);
        await using var _ = sim;
        using var __ = nemo;
        var session = await nemo.ReadySessionAsync();

        var transcript = await nemo.PromptAsync(session, Prompt);

        Assert.Equal(HttpStatusCode.OK, transcript.Status);
        Assert.Equal("text/event-stream", transcript.MediaType);
        Assert.DoesNotContain(transcript.Lines, l => l.StartsWith("event:", StringComparison.Ordinal));
        Assert.DoesNotContain("[DONE]", transcript.Raw, StringComparison.Ordinal);
        // Generation takes >= 100 simulated s and keep-alives come every 15 simulated s.
        Assert.True(transcript.EmptyKeepAlives >= 5, $"{transcript.EmptyKeepAlives} keep-alives");
        var events = transcript.Events;
        Assert.All(events, e => Assert.Equal("model", (string)e["content"]!["role"]!));
        Assert.All(events, e => Assert.NotNull(e["timestamp"]));
        var parts = events.Select(e => e["content"]!["parts"]![0]!.AsObject()).ToList();
        Assert.Equal("generate_video", (string)parts[0]["functionCall"]!["name"]!);
        Assert.Equal("generate_video", (string)parts[1]["functionResponse"]!["name"]!);
        Assert.Contains("I've created your video", transcript.Texts.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simplified_shape_uses_type_events_and_heartbeats()
    {
        var (sim, nemo) = await RawNemo.StartAsync(o =>
        {
            o.SseShape = SseShape.Simplified;
            o.NoTextProbability = 0;
        });
        await using var _ = sim;
        using var __ = nemo;
        var session = await nemo.ReadySessionAsync();

        var transcript = await nemo.PromptAsync(session, Prompt);

        var types = transcript.Events.Select(e => (string)e["type"]!).ToList();
        Assert.Equal("tool_call", types[0]);
        Assert.Contains("heartbeat", types);
        Assert.Equal(0, transcript.EmptyKeepAlives);
        Assert.Equal(["tool_result", "text"], types.Where(t => t != "heartbeat").Skip(1));
        Assert.NotNull(transcript.Events[0]["args"]);
        Assert.Single(transcript.Texts);
    }

    [Fact]
    public async Task The_draft_follows_the_prompt()
    {
        var (sim, nemo) = await RawNemo.StartAsync();
        await using var _ = sim;
        using var __ = nemo;

        var (_, draft) = await nemo.DraftedSessionAsync(Prompt);

        var tracks = draft["t"]!.AsArray();
        Assert.Equal([0, 1, 7], tracks.Select(t => (int)t!["tt"]!));
        var video = tracks[0]!["sg"]![0]!;
        Assert.Equal("city timelapse", (string)video["n"]!);
        Assert.Equal("in", (string)video["fx"]!["zoom"]!);
        Assert.Equal("left", (string)video["fx"]!["pan"]!);
        Assert.Equal("Lo-Fi", (string)tracks[1]!["sg"]![0]!["n"]!);
        Assert.Equal("Urban Dreams", (string)tracks[2]!["sg"]![0]!["tx"]!);
        Assert.Equal("9:16", (string)draft["m"]!["aspect_ratio"]!);
        Assert.Equal(1080, (int)draft["m"]!["width"]!);
        Assert.Equal(1920, (int)draft["m"]!["height"]!);
    }

    [Fact]
    public async Task Generation_costs_100_edit_50_and_2001_when_credits_run_out()
    {
        var (sim, nemo) = await RawNemo.StartAsync(o => o.StartingCredits = 150);
        await using var _ = sim;
        using var __ = nemo;
        var (session, _) = await nemo.DraftedSessionAsync();
        var afterGeneration = await RawNemo.WaitForAsync(async () => (await nemo.CreditsAsync())["data"] is var d && (int)d!["frozen"]! == 0 ? d : null);

        var edit = await nemo.PromptAsync(session, "add upbeat background music please");
        var afterEdit = await RawNemo.WaitForAsync(async () => (await nemo.CreditsAsync())["data"] is var d && (int)d!["frozen"]! == 0 ? d : null);
        var refused = await nemo.CallAsync(HttpMethod.Post, "run_sse", RawNemo.PromptBody(session, "now make it a square video"));

        Assert.Equal(50, (int)afterGeneration["available"]!);
        Assert.Equal(HttpStatusCode.OK, edit.Status);
        Assert.Equal(0, (int)afterEdit["available"]!);
        Assert.Equal(2001, (int)refused.Body!["code"]!);
        Assert.Equal(3, sim.Journal.PromptsPerSession()[session]);
    }

    [Fact]
    public async Task A_very_short_prompt_gets_a_clarifying_question_and_no_charge()
    {
        var (sim, nemo) = await RawNemo.StartAsync();
        await using var _ = sim;
        using var __ = nemo;
        var session = await nemo.ReadySessionAsync();

        var transcript = await nemo.PromptAsync(session, "video");

        Assert.Contains("Could you tell me", transcript.Texts.Single(), StringComparison.Ordinal);
        Assert.Equal(100, (int)(await nemo.CreditsAsync())["data"]!["available"]!);
        Assert.Empty((await nemo.DraftAsync(session))["t"]!.AsArray());
    }

    [Fact]
    public async Task Clarifying_scenario_flag_applies_to_every_prompt()
    {
        var (sim, nemo) = await RawNemo.StartAsync(o => o.PromptQuirks = PromptQuirks.ClarifyingQuestion);
        await using var _ = sim;
        using var __ = nemo;
        var session = await nemo.ReadySessionAsync();

        var transcript = await nemo.PromptAsync(session, Prompt);

        Assert.DoesNotContain(transcript.Events, e => e.ToJsonString().Contains("functionCall", StringComparison.Ordinal));
        Assert.Contains("Could you tell me", transcript.Texts.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quirks_add_gui_speak_and_a_trailing_temporary_issue()
    {
        var (sim, nemo) = await RawNemo.StartAsync(o =>
        {
            o.NoTextProbability = 0;
            o.PromptQuirks = PromptQuirks.GuiSpeak | PromptQuirks.TrailingTemporaryIssue;
        });
        await using var _ = sim;
        using var __ = nemo;
        var session = await nemo.ReadySessionAsync();

        var texts = (await nemo.PromptAsync(session, Prompt)).Texts;

        Assert.Equal(3, texts.Count);
        Assert.Contains("Click Export", texts[1], StringComparison.Ordinal);
        Assert.StartsWith("I encountered a temporary issue", texts[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_no_text_probability_1_the_stream_has_no_text_but_the_draft_changes()
    {
        var (sim, nemo) = await RawNemo.StartAsync(o => o.NoTextProbability = 1);
        await using var _ = sim;
        using var __ = nemo;
        var session = await nemo.ReadySessionAsync();

        var transcript = await nemo.PromptAsync(session, Prompt);

        Assert.Empty(transcript.Texts);
        Assert.Equal(2, transcript.Events.Count);
        Assert.NotEmpty((await nemo.DraftAsync(session))["t"]!.AsArray());
    }

    [Fact]
    public async Task No_text_pattern_is_reproducible_by_seed()
    {
        static async Task<string> PatternAsync(int seed)
        {
            var (sim, nemo) = await RawNemo.StartAsync(o =>
            {
                o.Seed = seed;
                o.StartingCredits = 10_000;
                o.EditDelayMin = o.EditDelayMax = TimeSpan.FromSeconds(1);
                o.GenerationDelayMin = o.GenerationDelayMax = TimeSpan.FromSeconds(1);
            });
            await using var _ = sim;
            using var __ = nemo;
            var session = await nemo.ReadySessionAsync();
            var pattern = string.Empty;
            for (var i = 0; i < 12; i++)
            {
                var transcript = await nemo.PromptAsync(session, "make the video a little brighter please");
                pattern += transcript.Texts.Count == 0 ? "0" : "1";
            }

            return pattern;
        }

        var first = await PatternAsync(11);
        var again = await PatternAsync(11);
        var other = await PatternAsync(12);

        Assert.Equal(first, again);
        Assert.Contains('0', first + other);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task Missing_session_is_1002_before_the_stream()
    {
        var (sim, nemo) = await RawNemo.StartAsync();
        await using var _ = sim;
        using var __ = nemo;
        await nemo.AcquireTokenAsync();

        var (response, body) = await nemo.CallAsync(HttpMethod.Post, "run_sse", RawNemo.PromptBody("123456789012345678", "animate this photo slowly please"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1002, (int)body!["code"]!);
    }

    [Fact]
    public async Task A_dropped_stream_still_lands_the_draft_so_state_polling_recovers()
    {
        var (sim, nemo) = await RawNemo.StartAsync();
        await using var _ = sim;
        using var __ = nemo;
        var session = await nemo.ReadySessionAsync();
        sim.Faults.Add(Fault.On(SimulatorEndpoint.RunSse).DropStream(afterEvents: 2).Once());

        var dropped = await Assert.ThrowsAnyAsync<Exception>(() => nemo.PromptAsync(session, Prompt));
        var draft = await RawNemo.WaitForAsync(async () => await nemo.DraftAsync(session) is var d && d["t"]!.AsArray().Count > 0 ? d : null);

        Assert.True(dropped is HttpRequestException or IOException, dropped.GetType().Name);
        Assert.Equal(1, sim.Journal.PromptsPerSession()[session]);
        Assert.True(sim.Journal.Entries.Single(e => e.Endpoint == SimulatorEndpoint.RunSse).Aborted);
        Assert.NotEmpty(draft["t"]!.AsArray());
    }

    [Theory]
    [InlineData(SseShape.Adk, "error")]
    [InlineData(SseShape.Simplified, "type")]
    public async Task A_stream_error_event_ends_the_stream(SseShape shape, string key)
    {
        var (sim, nemo) = await RawNemo.StartAsync(o => o.SseShape = shape);
        await using var _ = sim;
        using var __ = nemo;
        var session = await nemo.ReadySessionAsync();
        sim.Faults.Add(Fault.On(SimulatorEndpoint.RunSse).StreamError(afterEvents: 1, "agent crashed"));

        var transcript = await nemo.PromptAsync(session, Prompt);

        var last = transcript.Events[^1];
        Assert.NotNull(last[key]);
        Assert.Contains("agent crashed", last.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(2, transcript.Data.Count);
    }

    [Fact]
    public async Task Unknown_request_fields_are_ignored()
    {
        var (sim, nemo) = await RawNemo.StartAsync();
        await using var _ = sim;
        using var __ = nemo;
        var session = await nemo.ReadySessionAsync();
        var body = new JsonObject
        {
            ["app_name"] = "nemo_agent",
            ["user_id"] = "me",
            ["session_id"] = session,
            ["streaming"] = true,
            ["new_message"] = new JsonObject { ["role"] = "user", ["parts"] = new JsonArray { new JsonObject { ["text"] = "what can you do for me?" } } },
        };

        using var response = await nemo.SendAsync(HttpMethod.Post, "run_sse", RawNemo.Json(body.ToJsonString()));

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
    }
}
