using System.ComponentModel.DataAnnotations;

namespace Nemo.Client;

/// <summary>Time limits for reading one chat stream (<c>POST /run_sse</c>).</summary>
/// <remarks>
/// Both limits must lie between <see cref="MinimumTimeout"/> and <see cref="MaximumTimeout"/>;
/// <c>ValidateDataAnnotations()</c> checks them at startup and the stream reader checks them again
/// before it starts. Time is measured with the <see cref="TimeProvider"/> the client was given.
/// </remarks>
public sealed class ChatStreamOptions
{
    /// <summary>The smallest accepted limit: one millisecond.</summary>
    public static readonly TimeSpan MinimumTimeout = TimeSpan.FromMilliseconds(1);

    /// <summary>The largest accepted limit: one day.</summary>
    public static readonly TimeSpan MaximumTimeout = TimeSpan.FromDays(1);

    /// <summary>
    /// How long the stream may deliver only keep-alives (or nothing) before it counts as stuck and
    /// stops with <see cref="StreamInterruption.KeepAliveTimeout"/>. Default: 10 minutes.
    /// Any event other than a keep-alive restarts the count.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long one stream may run in total before it stops with
    /// <see cref="StreamInterruption.OverallTimeout"/>. Default: 15 minutes, the server's own limit.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan OverallTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when a limit is out of range.</summary>
    internal void Validate()
    {
        ThrowIfOutOfRange(KeepAliveTimeout, nameof(KeepAliveTimeout));
        ThrowIfOutOfRange(OverallTimeout, nameof(OverallTimeout));
    }

    private static void ThrowIfOutOfRange(TimeSpan value, string name)
    {
        if (value < MinimumTimeout || value > MaximumTimeout)
        {
            throw new ArgumentOutOfRangeException(
                name,
                value,
                $"{name} must be between {MinimumTimeout} and {MaximumTimeout}.");
        }
    }
}
