using Nemo.Simulator;

namespace Nemo.Client.Tests.EndToEnd;

/// <summary>The protocol documents two chat event shapes and four places for the render status; the client must not care.</summary>
public sealed class ProtocolShapeTests
{
    private const string Prompt = "animate this image with a slow zoom-in and leftward pan, 6 seconds, square, with jazz music";
    private const string ExpectedSummary = "Timeline (2 tracks): 1. Video: harbour (0-6s) 2. BGM: Jazz (0-6s, 35%)";

    public static TheoryData<SseShape, RenderStatusShape> Shapes()
    {
        var data = new TheoryData<SseShape, RenderStatusShape>();
        foreach (var sse in Enum.GetValues<SseShape>())
        {
            foreach (var render in Enum.GetValues<RenderStatusShape>())
            {
                data.Add(sse, render);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Every_event_and_render_status_shape_gives_the_same_outcome(SseShape sseShape, RenderStatusShape renderShape)
    {
        await using var harness = await SimulatorHarness.StartAsync(o =>
        {
            o.SseShape = sseShape;
            o.RenderStatusShape = renderShape;
        });
        var client = harness.Client;
        var session = await harness.SessionWithImageAsync(fileName: "harbour.png");

        var events = new List<ChatEvent>();
        await foreach (var chatEvent in client.SendPromptAsync(session.SessionId, Prompt, harness.Deadline))
        {
            events.Add(chatEvent);
        }

        var builder = new ChatReplyBuilder();
        events.ForEach(builder.Add);
        var reply = builder.Build();
        var draft = (await client.GetStateAsync(session.SessionId, harness.Deadline)).Draft!;
        var render = await client.StartRenderAsync(session.SessionId, draft, cancellationToken: harness.Deadline);
        var final = await render.WaitForCompletionAsync(SimulatorHarness.PollInterval, harness.Deadline);
        using var video = new MemoryStream();
        var written = await client.DownloadRenderAsync(final, video, harness.Deadline);

        Assert.Contains(events, e => e is ChatKeepAliveEvent);
        Assert.Equal("generate_video", Assert.Single(reply.ToolCalls).Name);
        Assert.Equal("generate_video", Assert.Single(reply.ToolResults).Name);
        Assert.StartsWith("I've created your video: 6 seconds, 1:1, background music \"Jazz\"", reply.Text, StringComparison.Ordinal);
        Assert.Empty(reply.Errors);
        Assert.Equal(ExpectedSummary, draft.Summarize());
        Assert.Equal(RenderState.Completed, final.State);
        Assert.Equal(100, final.Progress);
        Assert.Equal(render.Id, final.Id);
        Assert.Equal(new Uri(harness.Simulator.BaseAddress, $"/cdn/renders/{render.Id}.mp4"), final.OutputUrl);
        Assert.True(written > 0);
        Assert.Equal(written, video.Length);
        Assert.True(TestMedia.HasFtypBox(video.GetBuffer().AsSpan(0, 12)));

        var journal = harness.Journal;
        Assert.Equal(new Dictionary<string, int> { [session.SessionId] = 1 }, journal.PromptsPerSession());
        Assert.Equal(1, journal.Count(SimulatorEndpoint.RenderStart));
        Assert.Equal(1, journal.Count(SimulatorEndpoint.OutputFile));
        Assert.Equal(0, journal.Count(SimulatorEndpoint.RenderDownload));
        JournalAssert.AttributionOnEveryRequest(journal, NemoProfiles.Best.SkillSource);
    }

    [Theory]
    [InlineData(SseShape.Adk)]
    [InlineData(SseShape.Simplified)]
    public async Task Gui_wording_and_a_trailing_temporary_issue_never_reach_people(SseShape shape)
    {
        await using var harness = await SimulatorHarness.StartAsync(o =>
        {
            o.SseShape = shape;
            o.PromptQuirks = PromptQuirks.GuiSpeak | PromptQuirks.TrailingTemporaryIssue;
        });
        var session = await harness.SessionWithImageAsync();

        var (reply, _) = await harness.PromptAsync(session.SessionId, Prompt);

        Assert.StartsWith("I've created your video", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("temporary issue", reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Click", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("panel", reply.Text, StringComparison.Ordinal);
        Assert.True(reply.ReportedTemporaryIssue);
        Assert.Equal([AgentSuggestion.Render, AgentSuggestion.ReadState], reply.Suggestions);
    }
}
