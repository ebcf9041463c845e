using Nemo.Client;
using Nemo.Conversions;
using Nemo.Simulator;

namespace Nemo.Cli.Tests;

public sealed class LogEventIdTests
{
    [Fact]
    public void Every_assembly_nemo_loads_logs_in_its_own_event_id_range() =>
        LogEventIds.AssertOwnRanges(
            typeof(NemoClient).Assembly,
            typeof(ConversionActivities).Assembly,
            typeof(Nemo.Cli.Hosting.NemoHost).Assembly,
            typeof(NemoSimulator).Assembly);
}
