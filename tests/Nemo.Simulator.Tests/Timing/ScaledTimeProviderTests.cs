namespace Nemo.Simulator.Tests;

public sealed class ScaledTimeProviderTests
{
    private sealed class ManualTimeProvider : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;

        public override long GetTimestamp() => Now.UtcTicks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
    }

    [Fact]
    public void Simulated_time_runs_one_over_scale_times_faster()
    {
        var inner = new ManualTimeProvider();
        var scaled = new ScaledTimeProvider(inner, 0.01);
        var start = scaled.GetUtcNow();
        var stamp = scaled.GetTimestamp();

        inner.Now += TimeSpan.FromSeconds(0.6);

        Assert.Equal(TimeSpan.FromSeconds(60), scaled.GetUtcNow() - start);
        Assert.Equal(TimeSpan.FromSeconds(60), scaled.GetElapsedTime(stamp));
    }

    [Fact]
    public void Spans_convert_both_ways()
    {
        var scaled = new ScaledTimeProvider(new ManualTimeProvider(), 0.01);

        Assert.Equal(TimeSpan.FromSeconds(0.6), scaled.ToReal(TimeSpan.FromSeconds(60)));
        Assert.Equal(TimeSpan.FromSeconds(60), scaled.ToSimulated(TimeSpan.FromSeconds(0.6)));
        Assert.Equal(Timeout.InfiniteTimeSpan, scaled.ToReal(Timeout.InfiniteTimeSpan));
    }
}
