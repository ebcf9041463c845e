using static Nemo.Conversions.Tests.Testing.ConversionScript;

namespace Nemo.Conversions.Tests.Orchestration;

public sealed class ConversionOrchestratorPromptTests
{
    private const string Send = ConversionActivityNames.SendPrompt;
    private const string Read = ConversionActivityNames.ReadDraft;

    [Fact]
    public async Task Reply_without_text_polls_state_30s_then_60s_until_the_draft_appears()
    {
        var context = Happy()
            .Then(Send, Ok(Reply(string.Empty)))
            .Then(Read, Ok(Draft(false, "a")), Ok(Draft(false, "a")));

        var result = await RunAsync(context);

        Assert.Equal(ConversionStatus.Succeeded, result.Status);
        Assert.Equal(1, context.Count(Send));
        Assert.Equal(3, context.Count(Read));
        Assert.Equal([TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60)], context.Timers.Take(2));
        Assert.Contains(result.Warnings, w => w.Contains("state check 2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Recovery_gives_up_after_five_unchanged_checks()
    {
        var context = Happy().Then(Send, Ok(Reply(string.Empty))).Always(Read, Ok(Draft(false, "same")));

        var result = await RunAsync(context);

        Assert.Equal(ConversionStatus.Failed, result.Status);
        Assert.Equal(ConversionStage.Draft, result.Failure!.Stage);
        Assert.Equal(FailureKind.Terminal, result.Failure.Kind);
        Assert.Equal(1, context.Count(Send));
        Assert.Equal(6, context.Count(Read));
        Assert.Equal([30, 60, 60, 60, 60], context.Timers.Select(t => t.TotalSeconds));
        Assert.Equal(0, context.Count(ConversionActivityNames.StartRender));
    }

    [Fact]
    public async Task Recovery_counts_only_unchanged_checks()
    {
        var context = Happy().Then(Send, Ok(Reply(string.Empty)))
            .Then(Read, Ok(Draft(false, "a")), Ok(Draft(false, "a")), Ok(Draft(false, "b")))
            .Always(Read, Ok(Draft(false, "b")));

        var result = await RunAsync(context);

        Assert.Equal(ConversionStatus.Failed, result.Status);
        // a→a (1 unchanged), a→b (reset), then five unchanged b.
        Assert.Equal(8, context.Count(Read));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task Interrupted_or_already_sent_prompt_is_never_sent_again(bool interrupted, bool alreadySent)
    {
        var context = Happy()
            .Then(Send, Ok(Reply(string.Empty, interrupted: interrupted, alreadySent: alreadySent)))
            .Then(Read, Ok(Draft(false)));

        var result = await RunAsync(context);

        Assert.Equal(ConversionStatus.Succeeded, result.Status);
        Assert.Equal(1, context.Count(Send));
        Assert.Equal(TimeSpan.FromSeconds(30), context.Timers[0]);
    }

    [Fact]
    public async Task Unclear_answer_to_the_prompt_is_recovered_by_reading_state_not_by_resending()
    {
        var context = Happy()
            .Then(Send, Fail<PromptReply>(ConversionStage.Prompt, FailureKind.Transient, http: 502))
            .Then(Read, Ok(Draft(false)));

        var result = await RunAsync(context);

        Assert.Equal(ConversionStatus.Succeeded, result.Status);
        Assert.Equal(1, context.Count(Send));
        Assert.Contains(result.Warnings, w => w.Contains("instead of sending the prompt again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rate_limited_prompt_waits_at_least_30s_and_is_sent_again()
    {
        var context = Happy().Then(Send, Fail<PromptReply>(ConversionStage.Prompt, FailureKind.Transient, http: 429, retryAfter: 5));

        var result = await RunAsync(context);

        Assert.Equal(ConversionStatus.Succeeded, result.Status);
        Assert.Equal([1, 2], Prompts(context).Select(p => p.Sequence));
        Assert.Equal(TimeSpan.FromSeconds(30), context.Timers[0]);
    }

    [Fact]
    public async Task Question_gets_one_follow_up_then_the_draft_is_read()
    {
        var context = Happy()
            .Then(Send, Ok(Reply("Which style do you want?", asked: true)))
            .Then(Read, Ok(Draft(false)));

        var result = await RunAsync(context);

        Assert.Equal(ConversionStatus.Succeeded, result.Status);
        var prompts = Prompts(context);
        Assert.Equal(2, prompts.Count);
        Assert.Equal(2, prompts[1].Sequence);
        Assert.Equal(prompts[0].SessionId, prompts[1].SessionId);
        Assert.Contains("go ahead", prompts[1].Prompt, StringComparison.Ordinal);
        Assert.Empty(context.Timers.Take(context.Timers.Count - 1));
        Assert.Contains(result.Warnings, w => w.Contains("replied without making a draft (\"Which style do you want?\")", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Question_follow_up_happens_at_most_once()
    {
        var context = Happy()
            .Always(Send, Ok(Reply("Which style do you want?", asked: true)))
            .Always(Read, Ok(Draft(false)));

        var result = await RunAsync(context);

        Assert.Equal(ConversionStatus.Failed, result.Status);
        Assert.Equal(2, context.Count(Send));
        Assert.Contains("Which style", result.Failure!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Question_with_an_exportable_draft_needs_no_follow_up()
    {
        var context = Happy().Then(Send, Ok(Reply("Shall I add music?", asked: true)));

        var result = await RunAsync(context);

        Assert.Equal(ConversionStatus.Succeeded, result.Status);
        Assert.Equal(1, context.Count(Send));
    }
}
