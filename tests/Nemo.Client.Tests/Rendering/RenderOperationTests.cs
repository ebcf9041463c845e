using System.Net;
using Nemo.Client.Tests.Testing;

namespace Nemo.Client.Tests.Rendering;

public sealed class RenderOperationTests
{
    private static async Task<(TestClient Test, RenderOperation Operation)> StartAsync()
    {
        var test = new TestClient();
        test.Handler.Respond(HttpStatusCode.OK, """{"success":true,"data":{"id":"render_1","status":"pending","progress":5}}""");
        var operation = await test.Client.StartRenderAsync("1", NemoDraft.FromJson("""{"t":[{"tt":0,"sg":[{"n":"a"}]}]}"""));
        return (test, operation);
    }

    [Fact]
    public async Task WaitForCompletion_polls_at_the_given_interval_until_final()
    {
        var (test, operation) = await StartAsync();
        test.Handler.Respond(HttpStatusCode.OK, """{"success":true,"data":{"status":"processing","progress":50}}""")
            .Respond(HttpStatusCode.OK, """{"success":true,"data":{"status":"completed","progress":100,"outputUrl":"https://cdn.x/r.mp4"}}""");

        var final = await test.RunAsync(operation.WaitForCompletionAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(RenderState.Completed, final.State);
        Assert.True(operation.HasCompleted);
        Assert.Same(final, operation.Value);
        Assert.Equal([TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10)], test.Time.ScheduledDelays);
        Assert.Equal(3, test.Handler.Requests.Count);
    }

    [Fact]
    public async Task The_default_wait_backs_off_from_2_to_15_seconds()
    {
        var (test, operation) = await StartAsync();
        for (var i = 0; i < 7; i++)
        {
            test.Handler.Respond(HttpStatusCode.OK, """{"success":true,"data":{"status":"processing"}}""");
        }

        test.Handler.Respond(HttpStatusCode.OK, """{"success":true,"data":{"status":"failed","error":"x"}}""");

        var final = await test.RunAsync(operation.WaitForCompletionAsync());

        Assert.Equal(RenderState.Failed, final.State);
        var delays = test.Time.ScheduledDelays;
        Assert.Equal(TimeSpan.FromSeconds(2), delays[0]);
        Assert.Equal(TimeSpan.FromSeconds(3), delays[1]);
        Assert.Equal(TimeSpan.FromSeconds(15), delays[^1]);
        Assert.True(delays.Zip(delays.Skip(1)).All(p => p.First <= p.Second));
    }

    [Fact]
    public async Task Value_before_completion_throws()
    {
        var (_, operation) = await StartAsync();
        Assert.Throws<InvalidOperationException>(() => operation.Value);
    }

    [Fact]
    public async Task Waiting_can_be_cancelled()
    {
        var (test, operation) = await StartAsync();
        using var cts = new CancellationTokenSource();

        var wait = operation.WaitForCompletionAsync(TimeSpan.FromSeconds(30), cts.Token);
        await test.Time.WaitForTimerAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task CancelAsync_calls_the_cancel_endpoint_for_this_render()
    {
        var (test, operation) = await StartAsync();
        test.Handler.Respond(HttpStatusCode.OK, """{"success":true}""");

        await operation.CancelAsync();

        Assert.Equal("/api/render/proxy/lambda/render_1/cancel", test.Handler.Requests[^1].PathAndQuery);
    }

    [Fact]
    public async Task GetRenderOperation_rehydrates_by_id()
    {
        var test = new TestClient();
        test.Handler.Respond(HttpStatusCode.OK, """{"success":true,"data":{"status":"completed"}}""");

        var operation = test.Client.GetRenderOperation("render_77");
        Assert.Equal(RenderState.Unknown, operation.LastStatus.State);
        await operation.UpdateStatusAsync();

        Assert.True(operation.HasCompleted);
        Assert.Equal("/api/render/proxy/lambda/render_77", test.Handler.Requests[0].PathAndQuery);
    }
}
