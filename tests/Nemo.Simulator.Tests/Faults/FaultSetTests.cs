namespace Nemo.Simulator.Tests;

public sealed class FaultSetTests
{
    [Fact]
    public void Times_and_after_calls_are_counted_per_fault_and_endpoint()
    {
        var set = new FaultSet(1);
        var fault = set.Add(Fault.On(SimulatorEndpoint.Upload).ServerError(503).AfterCalls(1).Times(2));

        var fired = Enumerable.Range(0, 5).Select(_ => set.Next(SimulatorEndpoint.Upload)).ToList();
        var other = set.Next(SimulatorEndpoint.State);

        Assert.Equal([null, fault, fault, null, null], fired);
        Assert.Null(other);
        Assert.Equal(5, fault.CallsSeen);
        Assert.Equal(2, fault.Firings);
    }

    [Fact]
    public void The_first_fault_that_fires_wins_and_any_endpoint_matches_all()
    {
        var set = new FaultSet(1);
        var first = set.Add(Fault.OnAnyEndpoint().ConnectionReset().Once());
        var second = set.Add(Fault.On(SimulatorEndpoint.Credits).RateLimited(TimeSpan.FromSeconds(5)));

        Assert.Same(first, set.Next(SimulatorEndpoint.Credits));
        Assert.Same(second, set.Next(SimulatorEndpoint.Credits));
        Assert.True(set.Remove(second));
        Assert.Null(set.Next(SimulatorEndpoint.Credits));
    }

    [Fact]
    public void Configured_faults_build_the_same_rule()
    {
        var fault = Fault.From(new FaultOptions
        {
            Endpoint = SimulatorEndpoint.RenderDownload,
            Kind = FaultKind.TruncatedDownload,
            SentFraction = 0.25,
            Times = 3,
            AfterCalls = 2,
            Probability = 0.5,
            Style = ErrorStyle.NonJsonBody,
        });

        Assert.Equal((SimulatorEndpoint?)SimulatorEndpoint.RenderDownload, fault.Endpoint);
        Assert.Equal(FaultKind.TruncatedDownload, fault.Kind);
        Assert.Equal(0.25, fault.SentFraction);
        Assert.Equal(3, fault.MaxFirings);
        Assert.Equal(2, fault.SkipCalls);
        Assert.Equal(0.5, fault.Probability);
        Assert.Equal(ErrorStyle.NonJsonBody, fault.Style);
    }

    [Fact]
    public void Invalid_arguments_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Fault.On(SimulatorEndpoint.Upload).ServerError(404));
        Assert.Throws<ArgumentOutOfRangeException>(() => Fault.On(SimulatorEndpoint.Upload).WithProbability(1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Fault.On(SimulatorEndpoint.Upload).Times(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Fault.On(SimulatorEndpoint.Upload).TruncatedDownload(1));
    }
}
