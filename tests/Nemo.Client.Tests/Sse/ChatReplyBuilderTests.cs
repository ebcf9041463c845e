using System.Text.Json;

namespace Nemo.Client.Tests.Sse;

public sealed class ChatReplyBuilderTests
{
    private static readonly JsonElement NoArguments = JsonSerializer.SerializeToElement(new { });

    [Fact]
    public void Whole_messages_are_joined_by_a_blank_line()
    {
        var reply = Build(Text("Generating your video."), Call("generate"), Text("Your video is ready."));

        Assert.Equal("Generating your video.\n\nYour video is ready.", reply.Text);
        Assert.True(reply.HadText);
    }

    [Fact]
    public void Partial_chunks_followed_by_their_aggregate_are_not_doubled()
    {
        var reply = Build(Partial("I added "), Partial("lo-fi music "), Partial("at 35%."), Text("I added lo-fi music at 35%."));

        Assert.Equal("I added lo-fi music at 35%.", reply.Text);
    }

    [Fact]
    public void Partial_chunks_never_completed_are_kept_as_a_message()
    {
        var reply = Build(Partial("Working "), Partial("on it"), Call("edit"), Partial("Done"));

        Assert.Equal("Working on it\n\nDone", reply.Text);
    }

    [Fact]
    public void A_whole_message_that_does_not_repeat_the_chunks_is_added_after_them()
    {
        var reply = Build(Partial("First "), Partial("part."), Text("Something else."));

        Assert.Equal("First part.\n\nSomething else.", reply.Text);
    }

    [Fact]
    public void Tool_calls_results_and_errors_are_recorded_in_order_and_keep_alives_ignored()
    {
        var reply = Build(
            Call("a"),
            ChatKeepAliveEvent.Instance,
            new ChatToolResultEvent("a", "1", NoArguments),
            Call("b"),
            new ChatErrorEvent("oops", "E"));

        Assert.Equal(["a", "b"], reply.ToolCalls.Select(c => c.Name));
        Assert.Equal("a", Assert.Single(reply.ToolResults).Name);
        Assert.Equal(new ChatErrorEvent("oops", "E"), Assert.Single(reply.Errors));
        Assert.False(reply.HadText);
        Assert.Equal(string.Empty, reply.Text);
    }

    [Fact]
    public void Blank_text_does_not_count_as_text()
    {
        var reply = Build(Text("  "), Partial("\n"), Call("edit"));

        Assert.False(reply.HadText);
        Assert.Equal(string.Empty, reply.Text);
    }

    [Fact]
    public void A_trailing_temporary_issue_after_normal_output_is_dropped()
    {
        var reply = Build(Text("I trimmed the clip to 5 seconds."), Text("I encountered a temporary issue. Please try again."));

        Assert.Equal("I trimmed the clip to 5 seconds.", reply.Text);
        Assert.True(reply.ReportedTemporaryIssue);
    }

    [Fact]
    public void A_temporary_issue_at_the_end_of_the_same_message_is_cut_off()
    {
        var reply = Build(Text("Added the title. Sorry, I encountered a temporary issue while saving."));

        Assert.Equal("Added the title.", reply.Text);
    }

    [Fact]
    public void A_temporary_issue_that_is_all_the_agent_said_is_kept()
    {
        var reply = Build(Call("edit"), Text("I encountered a temporary issue."));

        Assert.Equal("I encountered a temporary issue.", reply.Text);
        Assert.True(reply.ReportedTemporaryIssue);
        Assert.True(reply.HadText);
    }

    [Fact]
    public void GUI_instructions_become_suggestions_and_leave_the_text()
    {
        var reply = Build(Text("I added the title. Click the Export button to download your video! Open the effects panel to adjust it."));

        Assert.Equal("I added the title.", reply.Text);
        Assert.Equal([AgentSuggestion.Render, AgentSuggestion.ReadState], reply.Suggestions);
    }

    [Fact]
    public void The_builder_can_report_progress_and_go_on()
    {
        var builder = new ChatReplyBuilder();
        builder.Add(Text("One."));
        var early = builder.Build();
        builder.Add(Text("Two."));

        Assert.Equal("One.", early.Text);
        Assert.Equal("One.\n\nTwo.", builder.Build().Text);
    }

    private static ChatReply Build(params ChatEvent[] events)
    {
        var builder = new ChatReplyBuilder();
        foreach (var chatEvent in events)
        {
            builder.Add(chatEvent);
        }

        return builder.Build();
    }

    private static ChatTextEvent Text(string text) => new(text, "nemo", IsPartial: false);

    private static ChatTextEvent Partial(string text) => new(text, "nemo", IsPartial: true);

    private static ChatToolCallEvent Call(string name) => new(name, null, NoArguments);
}
