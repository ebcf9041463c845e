using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;

namespace Nemo.Client;

/// <summary>Reads the chat stream of <c>POST /run_sse</c> as <see cref="ChatEvent"/>s.</summary>
internal static class ChatEventStream
{
    /// <summary>
    /// Reads the server-sent events of <paramref name="response"/> until the server closes the
    /// connection, which is the normal end (the API sends no done marker).
    /// </summary>
    /// <param name="response">
    /// A response whose status the caller has already checked, read with
    /// <see cref="HttpCompletionOption.ResponseHeadersRead"/>. Once enumeration starts the sequence owns it
    /// and disposes it however enumeration ends: completion, an early <c>break</c>, or an exception.
    /// </param>
    /// <param name="options">The keep-alive and overall limits (validated here).</param>
    /// <param name="timeProvider">Measures both limits.</param>
    /// <param name="cancellationToken">Cancels reading; surfaces as <see cref="OperationCanceledException"/>.</param>
    /// <returns>
    /// The events in order. A data payload with several ADK parts gives several events; empty data and
    /// heartbeats give <see cref="ChatKeepAliveEvent"/>; data that is not JSON or has an unknown shape is skipped
    /// (it still counts as activity for the keep-alive limit).
    /// </returns>
    /// <exception cref="NemoStreamInterruptedException">
    /// <see cref="StreamInterruption.Dropped"/> when the connection breaks mid-stream,
    /// <see cref="StreamInterruption.KeepAliveTimeout"/> when nothing but keep-alives arrived for
    /// <see cref="ChatStreamOptions.KeepAliveTimeout"/>, <see cref="StreamInterruption.OverallTimeout"/>
    /// after <see cref="ChatStreamOptions.OverallTimeout"/>. Never re-send the prompt after one of these.
    /// </exception>
    public static IAsyncEnumerable<ChatEvent> ReadAsync(
        HttpResponseMessage response,
        ChatStreamOptions options,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();

        // Copy the limits so a later change to the options cannot affect a stream already running.
        return ReadCoreAsync(response, options.KeepAliveTimeout, options.OverallTimeout, timeProvider, cancellationToken);
    }

    private static async IAsyncEnumerable<ChatEvent> ReadCoreAsync(
        HttpResponseMessage response,
        TimeSpan keepAliveTimeout,
        TimeSpan overallTimeout,
        TimeProvider timeProvider,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var overall = new CancellationTokenSource(overallTimeout, timeProvider);
        using var idle = new CancellationTokenSource(keepAliveTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, overall.Token, idle.Token);
        try
        {
            Stream stream;
            try
            {
                stream = await response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsStreamFailure(ex))
            {
                throw Translate(ex, overall, idle, cancellationToken);
            }

            await using (stream.ConfigureAwait(false))
            {
                var items = SseParser.Create(stream, ChatEventParser.Parse).EnumerateAsync(linked.Token);
                var enumerator = items.ConfigureAwait(false).GetAsyncEnumerator();
                try
                {
                    while (true)
                    {
                        bool moved;
                        try
                        {
                            moved = await enumerator.MoveNextAsync();
                        }
                        catch (Exception ex) when (IsStreamFailure(ex))
                        {
                            throw Translate(ex, overall, idle, cancellationToken);
                        }

                        if (!moved)
                        {
                            yield break;
                        }

                        var events = enumerator.Current.Data;
                        if (!IsKeepAlive(events))
                        {
                            idle.CancelAfter(keepAliveTimeout);
                        }

                        foreach (var chatEvent in events)
                        {
                            yield return chatEvent;
                        }
                    }
                }
                finally
                {
                    await enumerator.DisposeAsync();
                }
            }
        }
        finally
        {
            response.Dispose();
        }
    }

    private static bool IsKeepAlive(IReadOnlyList<ChatEvent> events) =>
        events.Count > 0 && events.All(static e => e is ChatKeepAliveEvent);

    // HttpIOException derives from IOException. A cancellation that is not ours (the handler
    // aborting the connection) is a drop too; Translate tells the cases apart.
    private static bool IsStreamFailure(Exception ex) =>
        ex is IOException or HttpRequestException or OperationCanceledException;

    private static Exception Translate(
        Exception ex,
        CancellationTokenSource overall,
        CancellationTokenSource idle,
        CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return new OperationCanceledException("Reading the chat stream was cancelled.", ex, cancellationToken);
        }

        if (overall.IsCancellationRequested)
        {
            return new NemoStreamInterruptedException(
                StreamInterruption.OverallTimeout,
                "The chat stream ran past its overall time limit.",
                ex);
        }

        if (idle.IsCancellationRequested)
        {
            return new NemoStreamInterruptedException(
                StreamInterruption.KeepAliveTimeout,
                "The chat stream sent only keep-alives for longer than the keep-alive limit.",
                ex);
        }

        return new NemoStreamInterruptedException(
            StreamInterruption.Dropped,
            "The connection to the chat stream broke before the server finished.",
            ex);
    }
}
