using System.Net;
using Nemo.Client.Tests.Testing;

namespace Nemo.Client.Tests;

public sealed class NemoClientTests
{
    [Fact]
    public async Task Every_authenticated_request_carries_bearer_and_attribution_headers()
    {
        var test = new TestClient();
        test.Handler.RespondData("""{"available":1,"frozen":0,"total":1}""");

        await test.Client.GetCreditsAsync();

        var request = Assert.Single(test.Handler.Requests);
        Assert.Equal($"Bearer {TestClient.Token}", request.Header("Authorization"));
        Assert.Equal("image-to-video-best", request.Header("X-Skill-Source"));
        Assert.Equal("9.9.9", request.Header("X-Skill-Version"));
        Assert.Equal("github", request.Header("X-Skill-Platform"));
    }

    [Fact]
    public async Task WithProfile_sends_that_profiles_skill_source_and_shares_the_rest()
    {
        var test = new TestClient();
        test.Handler.RespondData("""{"available":1,"frozen":0}""").RespondData("""{"available":1,"frozen":0}""");

        var ezgif = test.Client.WithProfile(NemoProfiles.Ezgif);
        await ezgif.GetCreditsAsync();
        await test.Client.GetCreditsAsync();

        Assert.Equal(NemoProfiles.Ezgif, ezgif.Profile);
        Assert.Same(test.Client.TokenSource, ezgif.TokenSource);
        Assert.Equal("image-to-video-ezgif", test.Handler.Requests[0].Header("X-Skill-Source"));
        Assert.Equal("image-to-video-best", test.Handler.Requests[1].Header("X-Skill-Source"));
    }

    [Fact]
    public void WithProfile_of_the_same_profile_returns_the_same_client()
    {
        var test = new TestClient();
        Assert.Same(test.Client, test.Client.WithProfile(NemoProfiles.Best));
    }

    [Fact]
    public void The_options_profile_is_the_default_profile()
    {
        var test = new TestClient(o => o.Profile = "motion-control");
        Assert.Equal(NemoProfiles.MotionControl, test.Client.Profile);
    }

    [Fact]
    public void Invalid_options_are_rejected_by_the_constructor()
    {
        var options = TestClient.DefaultOptions();
        options.Profile = "nope";
        Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => new NemoClient(new HttpClient(), options, new ConfiguredNemoTokenSource("t")));
    }

    [Fact]
    public async Task Requests_go_to_the_configured_base_address()
    {
        var test = new TestClient(o => o.BaseAddress = new Uri("http://127.0.0.1:5080"));
        test.Handler.RespondData("""{"available":1,"frozen":0}""");

        await test.Client.GetCreditsAsync();

        Assert.Equal("http://127.0.0.1:5080/api/credits/balance/simple", test.Handler.Requests[0].Uri.ToString());
    }

    [Fact]
    public async Task A_request_timeout_is_transient_and_measured_with_the_time_provider()
    {
        var test = new TestClient(o =>
        {
            o.RequestTimeout = TimeSpan.FromSeconds(20);
            o.MaxRetries = 0;
        });
        test.Handler.Respond(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });

        var call = test.Client.GetCreditsAsync();
        var due = await test.Time.WaitForTimerAsync(d => d == TimeSpan.FromSeconds(20)).WaitAsync(TimeSpan.FromSeconds(30));
        test.Time.Advance(due);

        var error = await Assert.ThrowsAsync<NemoApiException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(NemoErrorKind.Transient, error.Kind);
        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
        Assert.Equal("GET /api/credits/balance/simple", error.Operation);
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_turned_into_an_api_error()
    {
        var test = new TestClient();
        test.Handler.Respond(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        using var cts = new CancellationTokenSource();

        var call = test.Client.GetCreditsAsync(cts.Token);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));
    }
}
