using Nemo.Client.Tests.Testing;

namespace Nemo.Client.Tests.Credits;

public sealed class NemoClientCreditsTests
{
    [Fact]
    public async Task GetCredits_reads_the_balance()
    {
        var test = new TestClient();
        test.Handler.RespondData("""{"available":70,"frozen":30,"total":100}""");

        var credits = await test.Client.GetCreditsAsync();

        Assert.Equal(new NemoCredits(70, 30, 100), credits);
        var request = Assert.Single(test.Handler.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("/api/credits/balance/simple", request.PathAndQuery);
    }

    [Fact]
    public async Task GetCredits_computes_a_missing_total_and_reads_numbers_sent_as_strings()
    {
        var test = new TestClient();
        test.Handler.RespondData("""{"available":"12.5","frozen":2}""");

        var credits = await test.Client.GetCreditsAsync();

        Assert.Equal(new NemoCredits(12.5m, 2, 14.5m), credits);
    }
}
