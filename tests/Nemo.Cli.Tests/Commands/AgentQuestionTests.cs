using System.Text.Json;
using Nemo.Cli.Tests.Support;
using Nemo.Simulator;

namespace Nemo.Cli.Tests.Commands;

/// <summary>
/// <c>nemo convert</c> when the agent might ask back instead of drafting: the first prompt tells it nobody can answer,
/// and a reply with words and no draft gets the one go-ahead follow-up, however it is phrased.
/// </summary>
public sealed class AgentQuestionTests
{
    private static readonly string Coffee = Path.Combine(NemoCli.SamplesDirectory, "coffee.jpg");
    private static readonly string Chelsea = Path.Combine(NemoCli.SamplesDirectory, "chelsea.png");

    [Fact]
    public async Task The_README_demo_with_a_two_word_prompt_is_made_with_one_prompt()
    {
        // The simulator asks back on prompts under three words, as a careful agent would; the prompt nemo sends says
        // what an unattended pipeline needs, so the agent drafts at once.
        await using var nemo = await SimulatedNemo.StartAsync();

        var run = await nemo.ConvertAsync([Coffee, Chelsea], "--prompt", "slow zoom");

        Assert.True(run.ExitCode == 0, run.ToString());
        var result = ReadResult(nemo, "coffee");
        Assert.Equal("succeeded", result.GetProperty("status").GetString());
        Assert.Empty(result.GetProperty("warnings").EnumerateArray());
        Assert.Equal(1, nemo.Count(SimulatorEndpoint.RunSse));
        Assert.Equal(1, nemo.Count(SimulatorEndpoint.RenderStart));
        Assert.True(File.Exists(Path.Combine(nemo.OutputDirectory, "coffee.mp4")));
    }

    [Theory]
    [MemberData(nameof(Samples.ClarifyingReplies), MemberType = typeof(Samples))]
    public async Task An_agent_that_asks_anyway_gets_one_go_ahead_and_the_video_is_made(string said)
    {
        await using var nemo = await SimulatedNemo.StartAsync(o => (o.PromptQuirks, o.ClarifyingText) = (PromptQuirks.ClarifyingQuestionFirst, said));

        var run = await nemo.ConvertAsync([Coffee], "--prompt", "slow zoom");

        Assert.True(run.ExitCode == 0, run.ToString());
        var result = ReadResult(nemo, "coffee");
        Assert.Equal("succeeded", result.GetProperty("status").GetString());
        var warning = Assert.Single(result.GetProperty("warnings").EnumerateArray()).GetString();
        Assert.Contains("replied without making a draft", warning, StringComparison.Ordinal);
        Assert.Contains(said[..12], warning, StringComparison.Ordinal);
        Assert.Equal(2, nemo.Count(SimulatorEndpoint.RunSse));
        Assert.Equal(1, nemo.Count(SimulatorEndpoint.CreateSession));
        Assert.Equal(1, nemo.Count(SimulatorEndpoint.RenderStart));
        Assert.True(File.Exists(Path.Combine(nemo.OutputDirectory, "coffee.mp4")));
    }

    private static JsonElement ReadResult(SimulatedNemo nemo, string name)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(nemo.OutputDirectory, name + ".result.json")));
        return json.RootElement.Clone();
    }
}
