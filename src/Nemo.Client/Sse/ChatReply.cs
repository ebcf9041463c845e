namespace Nemo.Client;

/// <summary>
/// What one chat turn amounted to: the text to show people, the tool calls, the errors, and the
/// pipeline steps the agent suggested in GUI terms. Build one with <see cref="CollectAsync"/> or
/// <see cref="ChatReplyBuilder"/>.
/// </summary>
public sealed record ChatReply
{
    /// <summary>
    /// The text for people: messages joined by a blank line, streamed chunks joined without doubling,
    /// sentences with GUI instructions removed (see <see cref="Suggestions"/>), and a trailing
    /// "I encountered a temporary issue" dropped when real text came before it. May be empty.
    /// </summary>
    public string Text { get; init; } = string.Empty;

    /// <summary>
    /// Whether the server sent any non-blank text at all. About 30% of edits end with none: then read the
    /// session state to learn whether the draft changed.
    /// </summary>
    public bool HadText { get; init; }

    /// <summary>The tool calls, in order.</summary>
    public IReadOnlyList<ChatToolCallEvent> ToolCalls { get; init; } = [];

    /// <summary>The tool results, in order.</summary>
    public IReadOnlyList<ChatToolResultEvent> ToolResults { get; init; } = [];

    /// <summary>The errors the server reported inside the stream, in order.</summary>
    public IReadOnlyList<ChatErrorEvent> Errors { get; init; } = [];

    /// <summary>The pipeline steps the agent asked for in GUI terms, each once, in order of first mention.</summary>
    public IReadOnlyList<AgentSuggestion> Suggestions { get; init; } = [];

    /// <summary>Whether the agent said "I encountered a temporary issue" (kept in <see cref="Text"/> only when it was all it said).</summary>
    public bool ReportedTemporaryIssue { get; init; }

    /// <summary>Reads <paramref name="events"/> to the end and sums them up.</summary>
    /// <param name="events">The events of one chat turn, e.g. from the client's prompt call.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The reply.</returns>
    /// <remarks>Exceptions from the stream (such as <see cref="NemoStreamInterruptedException"/>) propagate;
    /// use <see cref="ChatReplyBuilder"/> directly to keep what arrived before one.</remarks>
    public static async Task<ChatReply> CollectAsync(
        IAsyncEnumerable<ChatEvent> events,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var builder = new ChatReplyBuilder();
        await foreach (var chatEvent in events.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            builder.Add(chatEvent);
        }

        return builder.Build();
    }
}
