using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace Nemo.Conversions;

/// <summary>The orchestrators and activities a host registers, by name.</summary>
public static class ConversionWorkflow
{
    /// <summary>One conversion: <see cref="ConversionRequest"/> → <see cref="ConversionResult"/>.</summary>
    public const string Conversion = "Conversion";

    /// <summary>A job folder: <see cref="BatchRequest"/> → <see cref="BatchSummary"/>.</summary>
    public const string Batch = "Batch";

    /// <summary>A refinement: <see cref="IterationRequest"/> → <see cref="ConversionResult"/>.</summary>
    public const string Iteration = "Iteration";

    /// <summary>
    /// Retry for activities that <em>throw</em> (a crashed worker, an I/O fault in the store): three attempts, 5 s then
    /// 10 s apart. Nemo errors do not throw out of activities: they come back as <see cref="ConversionFailure"/> data and
    /// the orchestration decides.
    /// </summary>
    public static TaskOptions ActivityRetry { get; } =
        TaskOptions.FromRetryPolicy(new RetryPolicy(maxNumberOfAttempts: 3, firstRetryInterval: TimeSpan.FromSeconds(5), backoffCoefficient: 2.0, maxRetryInterval: TimeSpan.FromMinutes(1)));

    /// <summary>
    /// The three orchestrators by name, as the SDK's <see cref="ITaskOrchestrator"/>: what a host needs to run one (its
    /// input type, to read the input from history, and an untyped entry point). They keep no state, so one instance of
    /// each serves every run.
    /// </summary>
    public static IReadOnlyDictionary<string, ITaskOrchestrator> Orchestrators { get; } = new Dictionary<string, ITaskOrchestrator>(StringComparer.Ordinal)
    {
        [Conversion] = new ConversionOrchestrator(),
        [Batch] = new BatchOrchestrator(),
        [Iteration] = new IterationOrchestrator(),
    };

    /// <summary>Every activity, each resolving <see cref="ConversionActivities"/> from the host's services.</summary>
    public static IReadOnlyList<ActivityDefinition> Activities { get; } =
    [
        Define<ConversionRequest, StepResult<IReadOnlyList<ImageInfo>>>(ConversionActivityNames.Validate, (a, i, ct) => a.ValidateAsync(i, ct)),
        new(ConversionActivityNames.GetCredits, null, async (services, _, ct) =>
            await Resolve(services).GetCreditsAsync(ct).ConfigureAwait(false)),
        Define<CreateSessionInput, StepResult<SessionRef>>(ConversionActivityNames.CreateSession, (a, i, ct) => a.CreateSessionAsync(i, ct)),
        Define<UploadImagesInput, StepResult<UploadSummary>>(ConversionActivityNames.UploadImages, (a, i, ct) => a.UploadImagesAsync(i, ct)),
        Define<SendPromptInput, StepResult<PromptReply>>(ConversionActivityNames.SendPrompt, (a, i, ct) => a.SendPromptAsync(i, ct)),
        Define<ReadDraftInput, StepResult<DraftSnapshot>>(ConversionActivityNames.ReadDraft, (a, i, ct) => a.ReadDraftAsync(i, ct)),
        Define<StartRenderInput, StepResult<RenderSnapshot>>(ConversionActivityNames.StartRender, (a, i, ct) => a.StartRenderAsync(i, ct)),
        Define<RenderInput, StepResult<RenderSnapshot>>(ConversionActivityNames.CheckRender, (a, i, ct) => a.CheckRenderAsync(i, ct)),
        Define<RenderInput, StepResult<RenderSnapshot>>(ConversionActivityNames.CancelRender, (a, i, ct) => a.CancelRenderAsync(i, ct)),
        Define<SaveOutputInput, StepResult<SavedOutput>>(ConversionActivityNames.SaveOutput, (a, i, ct) => a.SaveOutputAsync(i, ct)),
        Define<ConversionResult, string>(ConversionActivityNames.WriteResult, (a, i, ct) => a.WriteResultAsync(i, ct)),
        Define<ConversionResult, string?>(ConversionActivityNames.PublishEvent, (a, i, ct) => a.PublishEventAsync(i, ct)),
        Define<ReadResultInput, ConversionResult?>(ConversionActivityNames.ReadResult, (a, i, ct) => a.ReadResultAsync(i, ct)),
        Define<BatchSummary, string>(ConversionActivityNames.WriteSummary, (a, i, ct) => a.WriteSummaryAsync(i, ct)),
    ];

    private static ActivityDefinition Define<TInput, TOutput>(string name, Func<ConversionActivities, TInput, CancellationToken, Task<TOutput>> run) =>
        new(name, typeof(TInput), async (services, input, cancellationToken) =>
            await run(Resolve(services), Require<TInput>(input), cancellationToken).ConfigureAwait(false));

    private static ConversionActivities Resolve(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetRequiredService<ConversionActivities>();
    }

    private static T Require<T>(object? input) =>
        input is T typed ? typed : throw new ArgumentException($"Expected an input of type {typeof(T).Name}.", nameof(input));
}
