namespace Nemo.Simulator.Tests;

public sealed class NemoSimulatorTests
{
    [Fact]
    public async Task Listens_on_an_ephemeral_loopback_port_and_cleans_up_on_dispose()
    {
        string storage;
        await using (var sim = await NemoSimulator.StartAsync(new SimulatorOptions { TimeScale = 0.01 }))
        {
            Assert.Equal("127.0.0.1", sim.BaseAddress.Host);
            Assert.NotEqual(0, sim.BaseAddress.Port);
            Assert.EndsWith("/", sim.BaseAddress.AbsoluteUri, StringComparison.Ordinal);
            storage = sim.StorageDirectory;
            Assert.True(Directory.Exists(storage));
        }

        Assert.False(Directory.Exists(storage));
    }

    [Fact]
    public async Task Invalid_options_are_refused_at_start()
    {
        await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(
            () => NemoSimulator.StartAsync(new SimulatorOptions { TimeScale = 0 }));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(601)]
    public async Task A_video_length_cap_outside_one_second_to_ten_minutes_is_refused_at_start(double seconds)
    {
        var refused = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(
            () => NemoSimulator.StartAsync(new SimulatorOptions { MaxVideoLength = TimeSpan.FromSeconds(seconds) }));

        Assert.Contains("MaxVideoLength", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_simulators_run_side_by_side()
    {
        await using var a = await NemoSimulator.StartAsync();
        await using var b = await NemoSimulator.StartAsync();

        Assert.NotEqual(a.BaseAddress, b.BaseAddress);
    }
}
