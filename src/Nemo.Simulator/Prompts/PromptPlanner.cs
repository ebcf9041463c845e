using System.Text.Json.Nodes;

namespace Nemo.Simulator;

/// <summary>Decides what a prompt does. Pure: the randomness comes from a stream seeded by (seed, session, prompt number).</summary>
internal sealed class PromptPlanner(SimulatorOptions options)
{
    public const string ClarifyingText = "Could you tell me a bit more about the video you want? For example the motion, the length, and whether it should have music or a title.";
    public const string TextAnswer = "I can turn your images into videos. Upload a photo and tell me how it should move, how long it should be, whether it needs music or a title, and the aspect ratio.";
    public const string TemporaryIssueText = "I encountered a temporary issue. Please try again in a moment.";
    public const string GuiSpeakText = "Click Export to download your video, or open the timeline panel to preview it.";

    public PromptPlan Plan(SessionRecord session, int promptNumber, string prompt, IReadOnlyList<UploadRecord> uploads)
    {
        var random = new Random(Seeds.Mix(options.Seed, session.Ordinal, promptNumber));
        var noTextRoll = random.NextDouble();
        var kind = KindOf(session, promptNumber, prompt);
        switch (kind)
        {
            case PromptKind.Clarify:
            case PromptKind.Text:
                var text = kind == PromptKind.Clarify ? options.ClarifyingText : TextAnswer;
                return new PromptPlan(kind, Pick(random, options.TextDelayMin, options.TextDelayMax), 0, [], [new AgentText(text)], null, null, false);
            default:
                break;
        }

        var generation = kind == PromptKind.Generation;
        var spec = PromptReader.Apply(session.Spec ?? new DraftSpec(), prompt);
        var draft = DraftBuilder.Build(session.SessionId, session.Revision + 1, spec, uploads, "generated clip");
        var clips = draft["t"]![0]!["sg"]!.AsArray().Count;
        var cost = generation ? options.GenerationCost * clips : options.EditCost;
        var duration = generation
            ? Pick(random, options.GenerationDelayMin, options.GenerationDelayMax)
            : Pick(random, options.EditDelayMin, options.EditDelayMax);

        var tool = generation ? "generate_video" : "edit_draft";
        var callId = "call_" + random.Next().ToString("x8");
        var arguments = new JsonObject
        {
            ["prompt"] = prompt,
            ["image_count"] = uploads.Count(u => u.Kind == MediaKind.Image),
            ["aspect_ratio"] = spec.AspectRatio,
        };
        var result = new JsonObject
        {
            ["status"] = "success",
            ["draft_id"] = draft["id"]!.GetValue<string>(),
            ["revision"] = session.Revision + 1,
            ["duration_ms"] = draft["d"]!.GetValue<int>(),
        };

        var noText = noTextRoll < options.NoTextProbability;
        var trailing = new List<AgentEvent> { new AgentToolResult(callId, tool, result) };
        if (!noText)
        {
            var verb = generation ? "I've created your video" : "I've updated your video";
            trailing.Add(new AgentText($"{verb}: {DraftBuilder.Describe(draft)}."));
            if (options.PromptQuirks.HasFlag(PromptQuirks.GuiSpeak))
            {
                trailing.Add(new AgentText(GuiSpeakText));
            }

            if (options.PromptQuirks.HasFlag(PromptQuirks.TrailingTemporaryIssue))
            {
                trailing.Add(new AgentText(TemporaryIssueText));
            }
        }

        return new PromptPlan(kind, duration, cost, [new AgentToolCall(callId, tool, arguments)], trailing, draft, spec, noText);
    }

    private PromptKind KindOf(SessionRecord session, int promptNumber, string prompt)
    {
        if (options.PromptQuirks.HasFlag(PromptQuirks.ClarifyingQuestion)
            || (options.PromptQuirks.HasFlag(PromptQuirks.ClarifyingQuestionFirst) && promptNumber == 1)
            || (options.ClarifyBelowWords > 0 && PromptReader.CountWords(prompt) < options.ClarifyBelowWords))
        {
            return PromptKind.Clarify;
        }

        if (PromptReader.IsQuestion(prompt))
        {
            return PromptKind.Text;
        }

        return session.Draft is null ? PromptKind.Generation : PromptKind.Edit;
    }

    private static TimeSpan Pick(Random random, TimeSpan min, TimeSpan max) =>
        max <= min ? min : min + TimeSpan.FromTicks((long)(random.NextDouble() * (max - min).Ticks));
}
