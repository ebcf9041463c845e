using System.Runtime.CompilerServices;

namespace Nemo.Client;

public sealed partial class NemoClient
{
    private const string RunSseOperation = "POST /run_sse";

    /// <summary>
    /// <c>POST /run_sse</c>: sends a prompt and streams the agent's events until Nemo closes the
    /// connection (the normal end). The request is made when enumeration starts.
    /// </summary>
    /// <remarks>
    /// A prompt is <b>never</b> sent twice by the client: not after a 5xx, not after a timeout, not
    /// after a connection failure — even one before the response headers arrived, because the server
    /// may already have accepted (and charged) the prompt. Recover by reading the session state
    /// (<see cref="GetStateAsync"/>). When Nemo rejects the token (1001) the prompt was not accepted:
    /// an anonymous token is invalidated and the error is <see cref="NemoErrorKind.Recoverable"/>, so the
    /// caller may send the prompt again. The wait for the response headers is bounded by
    /// <see cref="ChatStreamOptions.KeepAliveTimeout"/>; the stream by both <see cref="ChatStreamOptions"/> limits.
    /// </remarks>
    /// <param name="sessionId">The session.</param>
    /// <param name="prompt">The instruction.</param>
    /// <param name="cancellationToken">Stops the stream (the prompt may still run on the server).</param>
    /// <returns>The events in order.</returns>
    /// <exception cref="NemoApiException">Nemo refused the prompt (error status or a JSON answer).</exception>
    /// <exception cref="NemoStreamInterruptedException">The stream broke or timed out.</exception>
    public IAsyncEnumerable<ChatEvent> SendPromptAsync(string sessionId, string prompt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(prompt);
        return SendPromptCoreAsync(sessionId, prompt, cancellationToken);
    }

    private async IAsyncEnumerable<ChatEvent> SendPromptCoreAsync(string sessionId, string prompt, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var response = await OpenChatStreamAsync(sessionId, prompt, cancellationToken).ConfigureAwait(false);
        var events = ChatEventStream.ReadAsync(response, _transport.Options.ChatStream, _transport.Time, cancellationToken);
        await foreach (var chatEvent in events.ConfigureAwait(false))
        {
            yield return chatEvent;
        }
    }

    private async Task<HttpResponseMessage> OpenChatStreamAsync(string sessionId, string prompt, CancellationToken cancellationToken)
    {
        var body = new RunSseRequest("nemo_agent", "me", sessionId, new RunSseMessage([new RunSsePart(prompt)]));
        var request = new NemoRequest
        {
            Operation = RunSseOperation,
            Method = HttpMethod.Post,
            Uri = _transport.Api("/run_sse"),
            Accept = "text/event-stream",
            Content = () => JsonBody.Create(body, NemoJsonContext.Default.RunSseRequest),
        };

        Log.SendingPrompt(_transport.Logger);
        var state = new CallState();

        // One attempt, no pipeline: see the remarks on SendPromptAsync.
        var response = await _transport.SendOnceAsync(
            request, Profile, HttpCompletionOption.ResponseHeadersRead, _transport.Options.ChatStream.KeepAliveTimeout, state, cancellationToken).ConfigureAwait(false);

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (response.IsSuccessStatusCode && (mediaType is null || string.Equals(mediaType, "text/event-stream", StringComparison.OrdinalIgnoreCase)))
        {
            return response;
        }

        using (response)
        {
            var context = NemoTransport.ErrorContext(request, Profile, state);
            NemoApiException failure;
            try
            {
                var bodyBytes = await ReadBoundedAsync(response, cancellationToken).ConfigureAwait(false);
                NemoResponseReader.Interpret(response, bodyBytes, NemoEnvelope.Code, context, _transport.Time);
                failure = new NemoApiException(
                    "Nemo answered the prompt with JSON instead of an event stream; the prompt may still have been accepted. Read the session state before sending it again.",
                    NemoErrorKind.Transient,
                    response.StatusCode)
                {
                    Operation = RunSseOperation,
                };
            }
            catch (NemoApiException ex) when (NemoErrors.IsTokenRejection(ex))
            {
                await _transport.ReportRejectedTokenAsync(RunSseOperation, ex, state, cancellationToken).ConfigureAwait(false);
                failure = new NemoApiException(
                    "Nemo rejected the token before accepting the prompt (1001); a new token will be used, so the prompt can be sent again.",
                    NemoErrorKind.Recoverable,
                    ex.StatusCode,
                    ex.NemoCode,
                    ex)
                {
                    Operation = RunSseOperation,
                };
            }

            throw failure;
        }
    }
}
