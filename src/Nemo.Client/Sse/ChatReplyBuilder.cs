using System.Text;

namespace Nemo.Client;

/// <summary>
/// Sums up chat events into a <see cref="ChatReply"/> as they arrive, so a caller that shows
/// progress, or loses the stream half-way, still has what came before.
/// </summary>
/// <remarks>
/// Text rules: every non-partial text event is a whole message. Partial events are chunks of one
/// message and are concatenated; when a non-partial event follows that repeats them (the ADK
/// aggregate), it replaces them instead of being added. Chunks never completed by an aggregate are
/// kept as a message of their own. Messages are joined by a blank line. Not thread-safe.
/// </remarks>
public sealed class ChatReplyBuilder
{
    private readonly List<string> _messages = [];
    private readonly StringBuilder _chunks = new();
    private readonly List<ChatToolCallEvent> _toolCalls = [];
    private readonly List<ChatToolResultEvent> _toolResults = [];
    private readonly List<ChatErrorEvent> _errors = [];
    private bool _hadText;

    /// <summary>Adds the next event of the stream.</summary>
    /// <param name="chatEvent">The event.</param>
    public void Add(ChatEvent chatEvent)
    {
        ArgumentNullException.ThrowIfNull(chatEvent);
        switch (chatEvent)
        {
            case ChatTextEvent text:
                AddText(text);
                break;
            case ChatToolCallEvent call:
                FlushChunks();
                _toolCalls.Add(call);
                break;
            case ChatToolResultEvent result:
                FlushChunks();
                _toolResults.Add(result);
                break;
            case ChatErrorEvent error:
                FlushChunks();
                _errors.Add(error);
                break;
            default:
                // Keep-alives carry nothing to sum up.
                break;
        }
    }

    /// <summary>Builds the reply from the events added so far.</summary>
    /// <returns>The reply; the builder can go on receiving events.</returns>
    public ChatReply Build()
    {
        var messages = new List<string>(_messages);
        if (_chunks.Length > 0)
        {
            messages.Add(_chunks.ToString());
        }

        messages.RemoveAll(string.IsNullOrWhiteSpace);
        var reportedTemporaryIssue = messages.Exists(TemporaryIssue.IsMentionedIn);
        if (messages.Count > 0 && TemporaryIssue.IsMentionedIn(messages[^1]))
        {
            var head = TemporaryIssue.TextBefore(messages[^1]);
            var hasNormalOutput = !string.IsNullOrWhiteSpace(head) || messages.Count > 1;
            if (hasNormalOutput)
            {
                messages[^1] = head;
            }
        }

        var (text, suggestions) = GuiInstructions.Translate(string.Join("\n\n", messages.Where(m => !string.IsNullOrWhiteSpace(m))));
        return new ChatReply
        {
            Text = text,
            HadText = _hadText,
            ToolCalls = [.. _toolCalls],
            ToolResults = [.. _toolResults],
            Errors = [.. _errors],
            Suggestions = suggestions,
            ReportedTemporaryIssue = reportedTemporaryIssue,
        };
    }

    private void AddText(ChatTextEvent text)
    {
        _hadText |= !string.IsNullOrWhiteSpace(text.Text);
        if (text.IsPartial)
        {
            _chunks.Append(text.Text);
            return;
        }

        if (_chunks.Length > 0)
        {
            var chunks = _chunks.ToString();
            _chunks.Clear();
            if (!text.Text.TrimStart().StartsWith(chunks.Trim(), StringComparison.Ordinal))
            {
                // Not an aggregate of the chunks, so they were a message of their own.
                _messages.Add(chunks);
            }
        }

        _messages.Add(text.Text);
    }

    private void FlushChunks()
    {
        if (_chunks.Length > 0)
        {
            _messages.Add(_chunks.ToString());
            _chunks.Clear();
        }
    }
}
