namespace Nemo.Testing;

/// <summary>
/// The library's <see cref="FakeTimeProvider"/> — its clock, its timers, its <c>Advance</c> — plus a record of
/// the timers the code under test arms. The library keeps its timers to itself, and a test that drives
/// code running on another thread must know when that code is parked on a delay (and how long the delay is)
/// before it advances the clock; otherwise it would have to sleep.
/// </summary>
public sealed class TimerRecordingTimeProvider : FakeTimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _scheduled = [];
    private readonly HashSet<RecordedTimer> _pending = [];
    private readonly List<(Func<TimeSpan, bool> Filter, TaskCompletionSource<TimeSpan> Signal)> _waiters = [];

    /// <summary>Starts at the library's default time (2000-01-01 UTC).</summary>
    public TimerRecordingTimeProvider()
    {
    }

    public TimerRecordingTimeProvider(DateTimeOffset startDateTime)
        : base(startDateTime)
    {
    }

    /// <summary>Every finite due time ever armed (on creation or <see cref="ITimer.Change"/>), in order.</summary>
    public IReadOnlyList<TimeSpan> ScheduledDelays
    {
        get
        {
            lock (_gate)
            {
                return [.. _scheduled];
            }
        }
    }

    /// <summary>
    /// Completes once a pending timer matches <paramref name="filter"/> — one already armed (tested on its
    /// remaining delay) or the next one armed (tested on its due time) — and returns that delay.
    /// </summary>
    public Task<TimeSpan> WaitForTimerAsync(Func<TimeSpan, bool>? filter = null)
    {
        filter ??= static _ => true;
        var now = GetUtcNow();
        lock (_gate)
        {
            foreach (var timer in _pending)
            {
                var remaining = timer.Due - now;
                if (filter(remaining))
                {
                    return Task.FromResult(remaining);
                }
            }

            var signal = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((filter, signal));
            return signal.Task;
        }
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new RecordedTimer(this, callback, state);
        timer.Inner = base.CreateTimer(static s => ((RecordedTimer)s!).Fire(), timer, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class RecordedTimer(TimerRecordingTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private int _version;
        private int _firedVersion = -1;
        private TimeSpan _period;

        public ITimer Inner { get; set; } = null!;

        public DateTimeOffset Due { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            int version;
            var finite = dueTime != Timeout.InfiniteTimeSpan;
            var now = owner.GetUtcNow(); // outside the lock: reading the library's clock can fire its timers
            lock (owner._gate)
            {
                version = ++_version;
                owner._pending.Remove(this);
                _period = period;
                Due = finite ? now + dueTime : now;
                if (finite)
                {
                    owner._scheduled.Add(dueTime);
                }
            }

            // Arm the library's timer first, then tell waiters: a test woken earlier could advance the
            // clock before the timer exists. A due time of zero fires inside Change, before we record it.
            var changed = Inner.Change(dueTime, period);
            if (finite)
            {
                Armed(version, dueTime);
            }

            return changed;
        }

        public void Fire()
        {
            lock (owner._gate)
            {
                if (_period > TimeSpan.Zero && _period != Timeout.InfiniteTimeSpan)
                {
                    Due += _period;
                }
                else
                {
                    _firedVersion = _version;
                    owner._pending.Remove(this);
                }
            }

            callback(state);
        }

        public void Dispose()
        {
            lock (owner._gate)
            {
                _version++;
                owner._pending.Remove(this);
            }

            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        private void Armed(int version, TimeSpan dueTime)
        {
            List<TaskCompletionSource<TimeSpan>> toSignal = [];
            lock (owner._gate)
            {
                if (version != _version || _firedVersion == version)
                {
                    return;
                }

                owner._pending.Add(this);
                for (var i = owner._waiters.Count - 1; i >= 0; i--)
                {
                    if (owner._waiters[i].Filter(dueTime))
                    {
                        toSignal.Add(owner._waiters[i].Signal);
                        owner._waiters.RemoveAt(i);
                    }
                }
            }

            foreach (var signal in toSignal)
            {
                signal.TrySetResult(dueTime);
            }
        }
    }
}
