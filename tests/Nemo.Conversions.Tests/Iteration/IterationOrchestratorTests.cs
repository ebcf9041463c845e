using static Nemo.Conversions.Tests.Testing.ConversionScript;

namespace Nemo.Conversions.Tests.Iteration;

public sealed class IterationOrchestratorTests
{
    private static readonly ConversionResult Previous = new()
    {
        Id = "conv-1",
        Name = "beach",
        Status = ConversionStatus.Succeeded,
        Profile = "best",
        Prompt = "make a video",
        Images = ["in/beach.jpg"],
        SessionId = "old-session",
        Output = "beach.mp4",
    };

    [Fact]
    public async Task Refines_in_the_same_session_and_saves_the_next_version()
    {
        var context = Happy("iter-1").Always(ConversionActivityNames.ReadResult, Previous);

        var result = await new IterationOrchestrator().RunAsync(context, new IterationRequest("beach", "make it slower"));

        Assert.Equal(ConversionStatus.Succeeded, result.Status);
        Assert.Equal(2, result.Version);
        Assert.Equal("beach.v2.mp4", result.Output);
        Assert.Equal("old-session", result.SessionId);
        Assert.Equal(0, context.Count(ConversionActivityNames.CreateSession));
        Assert.Equal(0, context.Count(ConversionActivityNames.UploadImages));
        var prompt = Assert.Single(Prompts(context));
        Assert.Equal("make it slower", prompt.Prompt);
        Assert.Equal("iter-1", prompt.InstanceId);
        Assert.Equal("old-session", prompt.SessionId);
        Assert.Equal("make a video\n\nThen: make it slower", result.Prompt);
    }

    [Fact]
    public async Task Expired_session_falls_back_to_a_fresh_conversion_with_both_prompts()
    {
        var context = Happy("iter-2")
            .Always(ConversionActivityNames.ReadResult, Previous with { Version = 2 })
            .Then(ConversionActivityNames.ReadDraft, Fail<DraftSnapshot>(ConversionStage.Draft, FailureKind.Recoverable, 1002));

        var result = await new IterationOrchestrator().RunAsync(context, new IterationRequest("beach", "make it slower"));

        Assert.Equal(ConversionStatus.Succeeded, result.Status);
        Assert.Equal(3, result.Version);
        Assert.Equal("beach.v3.mp4", result.Output);
        Assert.Equal(1, context.Count(ConversionActivityNames.Validate));
        Assert.Equal(1, context.Count(ConversionActivityNames.CreateSession));
        var prompt = Assert.Single(Prompts(context));
        Assert.Equal("s1", prompt.SessionId);
        Assert.Equal("make a video\n\nThen: make it slower\n\n" + PromptComposer.Unattended, prompt.Prompt);
        Assert.Contains(result.Warnings, w => w.Contains("expired", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_an_earlier_result_it_fails_clearly()
    {
        var context = Happy("iter-3").Always(ConversionActivityNames.ReadResult, null);

        var result = await new IterationOrchestrator().RunAsync(context, new IterationRequest("nothing", "again"));

        Assert.Equal(ConversionStatus.Failed, result.Status);
        Assert.Contains("no earlier conversion", result.Failure!.Reason, StringComparison.Ordinal);
        Assert.Equal([ConversionActivityNames.ReadResult], context.ActivityNames);
    }
}
