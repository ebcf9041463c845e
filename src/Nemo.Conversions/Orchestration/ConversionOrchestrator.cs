using System.Diagnostics.CodeAnalysis;
using Microsoft.DurableTask;
using Nemo.Client;

namespace Nemo.Conversions;

/// <summary>
/// One conversion, top to bottom in the order of the data flow: validate → session → upload → prompt → draft → render →
/// wait → save → result → event. Each step returns its value and the result is built once, at the end, however the run
/// ended: a failed conversion does not throw, its result says why. How a step runs (an activity, durable retries,
/// timers raced against a cancel) is <see cref="ConversionSteps"/>'s.
/// </summary>
[SuppressMessage("Reliability", "CA2007:Consider calling ConfigureAwait on the awaited task", Justification = "Orchestration code must resume on the orchestration's own scheduler.")]
public sealed class ConversionOrchestrator : TaskOrchestrator<ConversionRequest, ConversionResult>
{
    /// <summary>The one follow-up sent when the agent asked a question instead of drafting.</summary>
    internal const string FollowUpPrompt = "Please go ahead and make the video now using your best judgement.";

    /// <summary>Sessions one run may use: the first and two replacements after 1002.</summary>
    internal const int MaxSessions = 3;

    /// <summary>Renders Nemo may forget (404) before the run gives up: each is exported again, free, from the same draft.</summary>
    internal const int MaxForgottenRenders = 2;

    /// <summary>Runs the conversion against <paramref name="context"/>.</summary>
    public override Task<ConversionResult> RunAsync(TaskOrchestrationContext context, ConversionRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        return ConvertAsync(context, new ConversionPlan(
            input,
            PromptComposer.Compose(input.Prompt, input.Options),
            input.Options?.Language ?? "en",
            EarlierSessionId: input.Retrying?.PromptedSessionId));
    }

    /// <summary>Makes the video <paramref name="plan"/> describes; shared with <see cref="IterationOrchestrator"/>.</summary>
    internal static async Task<ConversionResult> ConvertAsync(TaskOrchestrationContext context, ConversionPlan plan)
    {
        var request = plan.Request;
        var output = ConversionNames.Output(request.Name, plan.Version);
        using var steps = new ConversionSteps(context, request.Profile, request.Options);
        var startedAt = steps.Now;

        // What the steps return, kept for the result, however far the run gets.
        var spending = false;
        CreditsSnapshot? creditsBefore = null;
        IReadOnlyList<ImageInfo>? images = null;
        var sessionId = plan.EarlierSessionId;
        var sessionPrompted = sessionId is not null && plan.EarlierSessionPrompt is null;
        string? agentText = null;
        DraftSnapshot? draft = null;
        RenderSnapshot? rendering = null; // started, its end not seen yet: what a cancel stops
        RenderSnapshot? rendered = null; // completed, its MP4 not saved yet: what a late cancel keeps
        string? renderId = null;
        SavedOutput? saved = null;
        ConversionStatus status;
        ConversionFailure? failure = null;
        try
        {
            // Validate: nothing is spent before the images pass. A refinement in its earlier session uploads nothing.
            if (sessionId is null)
            {
                images = await steps.ValidateAsync(request);
            }

            spending = true;
            creditsBefore = await steps.CreditsAsync();
            if (sessionId is not null && !await steps.SessionExistsAsync(sessionId))
            {
                steps.Warn(plan.EarlierSessionPrompt is null
                    ? "The earlier attempt's Nemo session has expired (1002); this attempt started afresh (new session, upload and prompt)."
                    : "The earlier Nemo session has expired (1002); made a fresh conversion of the original images with both prompts.");
                (sessionId, sessionPrompted) = (null, false);
            }

            // A session Nemo loses (1002) at any step starts over in a new one: new upload, the prompt sent there only.
            for (var sessions = 1; saved is null; sessions++)
            {
                try
                {
                    // Session → upload.
                    var prompt = sessionId is null ? plan.Prompt : plan.EarlierSessionPrompt;
                    if (sessionId is null)
                    {
                        images ??= await steps.ValidateAsync(request);
                        sessionId = await steps.CreateSessionAsync(plan.Language);
                        await steps.UploadAsync(sessionId, images);
                    }

                    // Prompt → draft: one go-ahead when the agent asked instead of drafting, then state checks. A retry
                    // whose earlier attempt prompted this session reads the draft that prompt paid for.
                    PromptReply? reply = null;
                    if (prompt is not null)
                    {
                        // From here the session may hold a generation: a retry must not prompt it again.
                        sessionPrompted = true;
                        reply = await steps.SendPromptAsync(sessionId, prompt);
                        agentText = Said(agentText, reply);
                    }

                    var latest = await steps.ReadDraftAsync(sessionId);
                    if (!latest.Exportable && reply is { AskedQuestion: true })
                    {
                        steps.Warn($"The agent replied without making a draft (\"{TextClip.Clip(reply.Text, 160)}\"); one follow-up asked it to go ahead with its best judgement.");
                        agentText = Said(agentText, await steps.SendPromptAsync(sessionId, FollowUpPrompt, "Asking the agent to go ahead"));
                        latest = await steps.ReadDraftAsync(sessionId);
                    }

                    draft = latest.Exportable ? latest : await steps.WaitForDraftAsync(sessionId, latest, agentText);

                    // Render → wait: a new render of the same draft when one fails (once) or Nemo forgets it (export is free).
                    for (int failed = 0, forgotten = 0; rendered is null; )
                    {
                        rendering = await steps.StartRenderAsync(sessionId);
                        renderId = rendering.RenderId;
                        var end = await steps.WaitForRenderAsync(sessionId, rendering);
                        rendering = null;
                        if (end is null)
                        {
                            if (++forgotten > MaxForgottenRenders)
                            {
                                throw new ConversionHaltedException(new ConversionFailure(
                                    ConversionStage.Wait, FailureKind.Terminal, $"Nemo lost {forgotten} renders of this draft in a row (404); the last was {renderId}."));
                            }

                            steps.Warn($"Nemo no longer knew render {renderId} (404); the same draft was exported again under a new render id, with no new prompt.");
                        }
                        else if (end.State == RenderState.Completed)
                        {
                            rendered = end;
                        }
                        else if (++failed == 1)
                        {
                            steps.Warn($"Render {end.RenderId} ended {Describe(end)}; retried once with a new render.");
                        }
                        else
                        {
                            steps.Warn($"Render {end.RenderId} ended {Describe(end)} too.");
                            throw new ConversionHaltedException(new ConversionFailure(
                                ConversionStage.Wait, FailureKind.Terminal, $"The render failed twice; the last time: {Why(end)}"));
                        }
                    }

                    // Save.
                    saved = await steps.SaveAsync(rendered, output);
                    rendered = null;
                }
                catch (ConversionHaltedException halted) when (
                    halted.Failure is { NemoCode: ConversionFailures.SessionNotFound } lost && sessions < MaxSessions)
                {
                    steps.SessionLost(lost.Stage);
                    (sessionId, sessionPrompted, rendering, rendered) = (null, false, null, null);
                }
            }

            status = ConversionStatus.Succeeded;
            if (steps.CancelReceived is { } late && renderId is not null)
            {
                // The cancel arrived while the finished video was being saved.
                steps.Warn(ConversionSteps.TooLate(late, renderId));
            }
        }
        catch (ConversionHaltedException halted) when (halted.Cancel is { } cancel)
        {
            saved = await steps.StopAsync(cancel, sessionId, rendering, rendered, output);
            status = saved is null ? ConversionStatus.Cancelled : ConversionStatus.Succeeded;
        }
        catch (ConversionHaltedException halted) when (halted.Failure is not null)
        {
            status = ConversionStatus.Failed;
            failure = halted.Failure;
        }

        // Result → event.
        steps.EndStage();
        var creditsAfter = spending ? await steps.CreditsAsync() : null;
        steps.Begin(ConversionStage.Result, status.ToString());
        steps.EndStage();
        return await steps.PublishAsync(new ConversionResult
        {
            Id = context.InstanceId,
            Name = request.Name,
            Status = status,
            Profile = request.Profile,
            Prompt = request.Prompt,
            Images = request.Images,
            Version = plan.Version,
            Output = saved?.Key,
            OutputBytes = saved?.Bytes,
            Timeline = draft?.Summary,
            SessionId = sessionId,
            // A prompt Nemo refused (a failure at the prompt stage) went in nowhere.
            SessionPrompted = sessionPrompted && failure?.Stage != ConversionStage.Prompt,
            RetryOf = request.Retrying?.InstanceId,
            RenderId = renderId,
            CreditsBefore = creditsBefore?.Available,
            CreditsAfter = creditsAfter?.Available,
            Stages = steps.Stages,
            AgentText = agentText,
            Warnings = steps.Warnings,
            Failure = failure,
            StartedAt = startedAt,
            CompletedAt = steps.Now,
        });
    }

    private static string? Said(string? agentText, PromptReply reply) =>
        !reply.HadText ? agentText : string.IsNullOrEmpty(agentText) ? reply.Text : $"{agentText}\n\n{reply.Text}";

    private static string Describe(RenderSnapshot render) => $"{render.State.ToString().ToLowerInvariant()} ({Why(render)})";

    private static string Why(RenderSnapshot render) =>
        string.IsNullOrWhiteSpace(render.Error) ? render.State.ToString().ToLowerInvariant() : render.Error;
}
