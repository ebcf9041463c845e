namespace Nemo.Simulator.Tests;

public sealed class PromptPlannerTests
{
    private static List<bool> NoTextPattern(int seed, double probability, int sessions, int promptsPerSession)
    {
        var planner = new PromptPlanner(new SimulatorOptions { Seed = seed, NoTextProbability = probability });
        var user = new UserAccount("anon_1", "c", 0);
        var pattern = new List<bool>();
        for (var s = 1; s <= sessions; s++)
        {
            var session = new SessionRecord("1000" + s, "task", "project", user, s);
            for (var p = 1; p <= promptsPerSession; p++)
            {
                pattern.Add(planner.Plan(session, p, "animate this image with a slow zoom", []).NoText);
            }
        }

        return pattern;
    }

    [Fact]
    public void About_30_percent_of_prompts_have_no_text_and_the_pattern_follows_the_seed()
    {
        var first = NoTextPattern(seed: 5, probability: 0.3, sessions: 100, promptsPerSession: 20);
        var again = NoTextPattern(seed: 5, probability: 0.3, sessions: 100, promptsPerSession: 20);
        var other = NoTextPattern(seed: 6, probability: 0.3, sessions: 100, promptsPerSession: 20);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.InRange(first.Count(x => x) / (double)first.Count, 0.27, 0.33);
    }

    [Fact]
    public void Probability_is_configurable()
    {
        Assert.DoesNotContain(true, NoTextPattern(1, 0, 10, 10));
        Assert.DoesNotContain(false, NoTextPattern(1, 1, 10, 10));
    }

    [Fact]
    public void Generation_costs_per_clip_and_edit_once()
    {
        var options = new SimulatorOptions();
        var planner = new PromptPlanner(options);
        var session = new SessionRecord("1", "task", "project", new UserAccount("anon", "c", 0), 1);
        UploadRecord Image(string name) => new(name, name + ".png", MediaKind.Image, "png", "/x/" + name, "http://h/" + name, 1, "h", 1, 1);

        var generation = planner.Plan(session, 1, "animate these images smoothly", [Image("a"), Image("b")]);
        session.Draft = generation.Draft;
        var edit = planner.Plan(session, 2, "make it a bit slower please", [Image("a"), Image("b")]);

        Assert.Equal(PromptKind.Generation, generation.Kind);
        Assert.Equal(200, generation.Cost);
        Assert.InRange(generation.Duration, options.GenerationDelayMin, options.GenerationDelayMax);
        Assert.Equal(PromptKind.Edit, edit.Kind);
        Assert.Equal(50, edit.Cost);
        Assert.InRange(edit.Duration, options.EditDelayMin, options.EditDelayMax);
    }

    [Fact]
    public void Questions_get_text_in_the_text_time_range_and_cost_nothing()
    {
        var options = new SimulatorOptions();
        var session = new SessionRecord("1", "task", "project", new UserAccount("anon", "c", 0), 1);

        var plan = new PromptPlanner(options).Plan(session, 1, "what kinds of motion can you do?", []);

        Assert.Equal(PromptKind.Text, plan.Kind);
        Assert.Equal(0, plan.Cost);
        Assert.Null(plan.Draft);
        Assert.InRange(plan.Duration, options.TextDelayMin, options.TextDelayMax);
    }
}
