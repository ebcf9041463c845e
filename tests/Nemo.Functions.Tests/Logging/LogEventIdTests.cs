using Nemo.Client;
using Nemo.Conversions;
using Nemo.Functions.Configuration;

namespace Nemo.Functions.Tests.Logging;

public sealed class LogEventIdTests
{
    [Fact]
    public void Every_assembly_the_Functions_app_loads_logs_in_its_own_event_id_range() =>
        LogEventIds.AssertOwnRanges(
            typeof(NemoClient).Assembly,
            typeof(ConversionActivities).Assembly,
            typeof(NemoFunctionsApp).Assembly);
}
