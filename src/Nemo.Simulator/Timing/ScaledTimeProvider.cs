namespace Nemo.Simulator;

/// <summary>
/// A clock that runs <c>1 / scale</c> times faster than its inner clock: with scale 0.01 one real second is
/// 100 simulated seconds, and a timer or <c>Task.Delay</c> of 60 simulated seconds fires after 0.6 real seconds.
/// </summary>
public sealed class ScaledTimeProvider : TimeProvider
{
    private readonly TimeProvider _inner;
    private readonly double _scale;
    private readonly DateTimeOffset _originUtc;
    private readonly long _originTimestamp;

    /// <summary>A clock running <c>1 / <paramref name="scale"/></c> times faster than <paramref name="inner"/>, from now.</summary>
    public ScaledTimeProvider(TimeProvider inner, double scale)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        _inner = inner;
        _scale = scale;
        _originUtc = inner.GetUtcNow();
        _originTimestamp = inner.GetTimestamp();
    }

    /// <summary>Real seconds per simulated second (0.01: 100× faster).</summary>
    public double Scale => _scale;

    /// <inheritdoc/>
    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    /// <inheritdoc/>
    public override long TimestampFrequency => _inner.TimestampFrequency;

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow() => _originUtc + ToSimulated(_inner.GetElapsedTime(_originTimestamp));

    /// <inheritdoc/>
    public override long GetTimestamp() => (long)((_inner.GetTimestamp() - _originTimestamp) / _scale);

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(_inner.CreateTimer(callback, state, ToReal(dueTime), ToReal(period)), this);

    /// <summary>Real time that a simulated span takes.</summary>
    public TimeSpan ToReal(TimeSpan simulated) =>
        simulated == Timeout.InfiniteTimeSpan || simulated <= TimeSpan.Zero ? simulated : TimeSpan.FromTicks(Math.Max(1, (long)(simulated.Ticks * _scale)));

    /// <summary>Simulated time that a real span represents.</summary>
    public TimeSpan ToSimulated(TimeSpan real) => TimeSpan.FromTicks((long)(real.Ticks / _scale));

    private sealed class ScaledTimer(ITimer inner, ScaledTimeProvider owner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(owner.ToReal(dueTime), owner.ToReal(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
