using Nemo.Cli.Runtime;

namespace Nemo.Cli.Tests.Runtime;

public sealed class ScaledTimeProviderTests
{
    [Fact]
    public void The_clock_runs_factor_times_faster_than_the_underlying_one()
    {
        var inner = new FakeTimeProvider();
        var start = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var scaled = new ScaledTimeProvider(60, start, inner);

        inner.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(start.AddMinutes(2), scaled.GetUtcNow());
    }

    [Fact]
    public async Task Timers_are_shortened_by_the_factor()
    {
        var inner = new FakeTimeProvider();
        var scaled = new ScaledTimeProvider(100, inner: inner);

        var delay = Task.Delay(TimeSpan.FromSeconds(30), scaled);
        Assert.Equal(TimeSpan.FromMilliseconds(300), await inner.WaitForTimerAsync().WaitAsync(RuntimeHarness.Safety));
        Assert.False(delay.IsCompleted);
        inner.Advance(TimeSpan.FromMilliseconds(300));

        await delay.WaitAsync(RuntimeHarness.Safety);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void A_factor_that_is_not_positive_is_rejected(double factor) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScaledTimeProvider(factor));
}
