namespace Nemo.Cli.Runtime;

/// <summary>
/// A clock running <c>factor</c> times faster than an underlying clock from a start point: <see cref="GetUtcNow"/>,
/// timestamps and timers are all scaled, so a 30 s durable timer takes 0.3 s at factor 100. For running the pipeline
/// against the simulator with simulated render times.
/// </summary>
public sealed class ScaledTimeProvider : TimeProvider
{
    private readonly TimeProvider _inner;
    private readonly double _factor;
    private readonly long _realStart;
    private readonly DateTimeOffset _virtualStart;

    /// <summary>Creates the clock.</summary>
    /// <param name="factor">How much faster than <paramref name="inner"/> time runs; greater than 0.</param>
    /// <param name="start">The virtual time now; defaults to the underlying clock's now.</param>
    /// <param name="inner">The underlying clock; defaults to <see cref="TimeProvider.System"/>.</param>
    public ScaledTimeProvider(double factor, DateTimeOffset? start = null, TimeProvider? inner = null)
    {
        if (!(factor > 0) || double.IsInfinity(factor))
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "The factor must be a positive finite number.");
        }

        _inner = inner ?? System;
        _factor = factor;
        _realStart = _inner.GetTimestamp();
        _virtualStart = start ?? _inner.GetUtcNow();
    }

    /// <summary>How much faster than real time this clock runs.</summary>
    public double Factor => _factor;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    /// <inheritdoc />
    public override long TimestampFrequency => _inner.TimestampFrequency;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() =>
        _virtualStart + TimeSpan.FromTicks((long)(_inner.GetElapsedTime(_realStart).Ticks * _factor));

    /// <inheritdoc />
    public override long GetTimestamp() => _realStart + (long)((_inner.GetTimestamp() - _realStart) * _factor);

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(_inner.CreateTimer(callback, state, Shrink(dueTime), Shrink(period)), this);

    private TimeSpan Shrink(TimeSpan span) =>
        span == Timeout.InfiniteTimeSpan || span <= TimeSpan.Zero ? span : TimeSpan.FromTicks(Math.Max(1, (long)(span.Ticks / _factor)));

    private sealed class ScaledTimer(ITimer inner, ScaledTimeProvider owner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(owner.Shrink(dueTime), owner.Shrink(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
