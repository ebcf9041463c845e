using Nemo.Simulator;

namespace Nemo.Client.Tests.EndToEnd;

/// <summary>Assertions on what the simulator received.</summary>
internal static class JournalAssert
{
    /// <summary>
    /// Every request carried all three <c>X-Skill-*</c> headers with the expected values (a request without
    /// them would get 402 on export), and every request but the token call carried a bearer token.
    /// </summary>
    public static void AttributionOnEveryRequest(RequestJournal journal, string skillSource, Func<JournalEntry, bool>? exclude = null)
    {
        var entries = journal.Entries.Where(e => exclude is null || !exclude(e)).ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, e =>
        {
            Assert.True(e.HasAttributionHeaders, $"{e.Method} {e.Path} lacks an X-Skill-* header");
            Assert.Equal(skillSource, e.SkillSource);
            Assert.Equal(SimulatorHarness.SkillVersion, e.SkillVersion);
            Assert.Equal(SimulatorHarness.SkillPlatform, e.SkillPlatform);
            Assert.Equal(e.Endpoint != SimulatorEndpoint.AnonymousToken, e.HasAuthorization);
        });
    }

    public static IReadOnlyList<JournalEntry> On(RequestJournal journal, SimulatorEndpoint endpoint) =>
        [.. journal.Entries.Where(e => e.Endpoint == endpoint)];
}
