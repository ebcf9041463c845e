namespace Nemo.Client;

/// <summary>
/// A running render, in the style of a long-running operation: poll with
/// <see cref="UpdateStatusAsync"/> or wait with <see cref="WaitForCompletionAsync(CancellationToken)"/>
/// (delays through the client's <see cref="TimeProvider"/>).
/// </summary>
public sealed class RenderOperation
{
    /// <summary>The default first poll delay of <see cref="WaitForCompletionAsync(CancellationToken)"/>.</summary>
    public static readonly TimeSpan DefaultFirstDelay = TimeSpan.FromSeconds(2);

    /// <summary>The default longest poll delay of <see cref="WaitForCompletionAsync(CancellationToken)"/>.</summary>
    public static readonly TimeSpan DefaultMaxDelay = TimeSpan.FromSeconds(15);

    private readonly NemoClient _client;
    private readonly TimeProvider _timeProvider;

    internal RenderOperation(NemoClient client, TimeProvider timeProvider, RenderStatus status)
    {
        _client = client;
        _timeProvider = timeProvider;
        LastStatus = status;
    }

    /// <summary>The render id (<c>render_…</c>).</summary>
    public string Id => LastStatus.Id;

    /// <summary>The most recent status (from the start call or the last poll).</summary>
    public RenderStatus LastStatus { get; private set; }

    /// <summary>Whether the render reached a final state (completed, failed or cancelled).</summary>
    public bool HasCompleted => LastStatus.IsFinal;

    /// <summary>The final status.</summary>
    /// <exception cref="InvalidOperationException">The render has not completed yet.</exception>
    public RenderStatus Value => HasCompleted
        ? LastStatus
        : throw new InvalidOperationException($"Render {Id} has not completed (state {LastStatus.State}).");

    /// <summary>Polls the status once.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new status (also in <see cref="LastStatus"/>).</returns>
    public async Task<RenderStatus> UpdateStatusAsync(CancellationToken cancellationToken = default)
    {
        LastStatus = await _client.GetRenderStatusAsync(Id, cancellationToken).ConfigureAwait(false);
        return LastStatus;
    }

    /// <summary>
    /// Polls until the render is final, backing off from 2 s to 15 s (×1.5 per poll).
    /// </summary>
    /// <param name="cancellationToken">Stops waiting (the render keeps running; see <see cref="CancelAsync"/>).</param>
    /// <returns>The final status; a failed or cancelled render is returned, not thrown.</returns>
    public Task<RenderStatus> WaitForCompletionAsync(CancellationToken cancellationToken = default) =>
        WaitForCompletionAsync(
            attempt => TimeSpan.FromTicks(Math.Min(DefaultMaxDelay.Ticks, (long)(DefaultFirstDelay.Ticks * Math.Pow(1.5, attempt - 1)))),
            cancellationToken);

    /// <summary>Polls at a fixed interval until the render is final.</summary>
    /// <param name="pollingInterval">The delay before each poll.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The final status.</returns>
    public Task<RenderStatus> WaitForCompletionAsync(TimeSpan pollingInterval, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pollingInterval, TimeSpan.Zero);
        return WaitForCompletionAsync(_ => pollingInterval, cancellationToken);
    }

    /// <summary>Polls until the render is final, waiting <paramref name="delayStrategy"/>(n) before the n-th poll (1-based).</summary>
    /// <param name="delayStrategy">The delay before each poll.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The final status.</returns>
    public async Task<RenderStatus> WaitForCompletionAsync(Func<int, TimeSpan> delayStrategy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delayStrategy);
        for (var attempt = 1; !HasCompleted; attempt++)
        {
            var delay = delayStrategy(attempt);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
            }

            await UpdateStatusAsync(cancellationToken).ConfigureAwait(false);
        }

        return LastStatus;
    }

    /// <summary>Asks Nemo to cancel the render (<c>POST /api/render/proxy/lambda/&lt;id&gt;/cancel</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Nemo accepted the cancellation.</returns>
    public Task CancelAsync(CancellationToken cancellationToken = default) =>
        _client.CancelRenderAsync(Id, cancellationToken);

    /// <summary>Streams the finished MP4 to <paramref name="destination"/> (see <see cref="NemoClient.DownloadRenderAsync(RenderStatus, Stream, CancellationToken)"/>).</summary>
    /// <param name="destination">Where the bytes go.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>The number of bytes written.</returns>
    public Task<long> DownloadAsync(Stream destination, CancellationToken cancellationToken = default) =>
        _client.DownloadRenderAsync(Value, destination, cancellationToken);
}
