using System.Net;
using Nemo.Client.Tests.Testing;

namespace Nemo.Client.Tests.Resilience;

public sealed class NemoResilienceTests
{
    private const string Credits = """{"available":1,"frozen":0,"total":1}""";

    [Fact]
    public async Task A_get_is_retried_after_transient_failures_with_backoff()
    {
        var test = new TestClient(o => o.MaxRetries = 3);
        test.Handler.Respond(HttpStatusCode.ServiceUnavailable, "busy", "text/plain")
            .Throw(new HttpRequestException("connection reset"))
            .RespondData(Credits);

        var credits = await test.RunAsync(test.Client.GetCreditsAsync());

        Assert.Equal(1, credits.Available);
        Assert.Equal(3, test.Handler.Requests.Count);
        Assert.Equal(2, test.Time.ScheduledDelays.Count);
    }

    [Fact]
    public async Task Retries_stop_after_MaxRetries_and_surface_the_transient_error()
    {
        var test = new TestClient(o => o.MaxRetries = 2);
        for (var i = 0; i < 3; i++)
        {
            test.Handler.Respond(HttpStatusCode.InternalServerError, Responses.Error(500, "boom"));
        }

        var error = await Assert.ThrowsAsync<NemoApiException>(() => test.RunAsync(test.Client.GetCreditsAsync()));

        Assert.Equal(NemoErrorKind.Transient, error.Kind);
        Assert.Equal(3, test.Handler.Requests.Count);
    }

    [Fact]
    public async Task Terminal_errors_are_not_retried()
    {
        var test = new TestClient();
        test.Handler.Respond(HttpStatusCode.PaymentRequired, Responses.Error(402, "no export"));

        await Assert.ThrowsAsync<NemoApiException>(() => test.Client.GetCreditsAsync());

        Assert.Single(test.Handler.Requests);
    }

    [Fact]
    public async Task Rate_limit_waits_retry_after_seconds_when_above_the_minimum()
    {
        var test = new TestClient();
        test.Handler.Respond(HttpStatusCode.TooManyRequests, "{}", customize: r => r.Headers.RetryAfter = new(TimeSpan.FromSeconds(45)))
            .RespondData(Credits);

        await test.RunAsync(test.Client.GetCreditsAsync());

        Assert.Equal([TimeSpan.FromSeconds(45)], test.Time.ScheduledDelays);
        Assert.Equal(2, test.Handler.Requests.Count);
    }

    [Fact]
    public async Task Rate_limit_waits_at_least_30_seconds_whatever_retry_after_says()
    {
        var test = new TestClient();
        test.Handler.Respond(HttpStatusCode.TooManyRequests, "{}", customize: r => r.Headers.RetryAfter = new(TimeSpan.FromSeconds(2)))
            .Respond(HttpStatusCode.TooManyRequests, "not json", "text/plain")
            .RespondData(Credits);

        await test.RunAsync(test.Client.GetCreditsAsync());

        Assert.Equal([TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30)], test.Time.ScheduledDelays);
    }

    [Fact]
    public async Task Rate_limit_reads_a_retry_after_date()
    {
        var test = new TestClient();
        var at = test.Time.GetUtcNow().AddSeconds(90);
        test.Handler.Respond(HttpStatusCode.TooManyRequests, "{}", customize: r => r.Headers.RetryAfter = new(at))
            .RespondData(Credits);

        await test.RunAsync(test.Client.GetCreditsAsync());

        Assert.Equal([TimeSpan.FromSeconds(90)], test.Time.ScheduledDelays);
    }

    [Fact]
    public async Task Rate_limit_retries_are_bounded()
    {
        var test = new TestClient(o => o.MaxRateLimitRetries = 2);
        for (var i = 0; i < 3; i++)
        {
            test.Handler.Respond(HttpStatusCode.TooManyRequests, "{}");
        }

        var error = await Assert.ThrowsAsync<NemoApiException>(() => test.RunAsync(test.Client.GetCreditsAsync()));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal(3, test.Handler.Requests.Count);
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_maximum_is_surfaced_at_once()
    {
        var test = new TestClient(o => o.MaxRateLimitDelay = TimeSpan.FromMinutes(2));
        test.Handler.Respond(HttpStatusCode.TooManyRequests, "{}", customize: r => r.Headers.RetryAfter = new(TimeSpan.FromHours(1)));

        var error = await Assert.ThrowsAsync<NemoApiException>(() => test.Client.GetCreditsAsync());

        Assert.Equal(TimeSpan.FromHours(1), error.RetryAfter);
        Assert.Equal(NemoErrorKind.Transient, error.Kind);
        Assert.Single(test.Handler.Requests);
        Assert.Empty(test.Time.ScheduledDelays);
    }

    [Fact]
    public async Task Backoff_delays_stay_within_the_maximum()
    {
        var test = new TestClient(o =>
        {
            o.MaxRetries = 5;
            o.BaseDelay = TimeSpan.FromSeconds(2);
            o.MaxRetryDelay = TimeSpan.FromSeconds(5);
        });
        for (var i = 0; i < 5; i++)
        {
            test.Handler.Throw(new HttpRequestException("reset"));
        }

        test.Handler.RespondData(Credits);

        await test.RunAsync(test.Client.GetCreditsAsync());

        Assert.Equal(5, test.Time.ScheduledDelays.Count);
        Assert.All(test.Time.ScheduledDelays, d => Assert.InRange(d, TimeSpan.Zero, TimeSpan.FromSeconds(5)));
    }
}
