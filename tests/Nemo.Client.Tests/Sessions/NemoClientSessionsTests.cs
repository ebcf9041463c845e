using System.Net;
using Nemo.Client.Tests.Testing;

namespace Nemo.Client.Tests.Sessions;

public sealed class NemoClientSessionsTests
{
    [Fact]
    public async Task CreateSession_posts_task_name_and_language_and_reads_the_ids()
    {
        var test = new TestClient();
        test.Handler.RespondData("""{"task_id":"t-1","session_id":"7301234567890123456","user_id":"anon_1","extra":true}""");

        var session = await test.Client.CreateSessionAsync("de");

        Assert.Equal(new NemoSession("t-1", "7301234567890123456", "anon_1"), session);
        var request = Assert.Single(test.Handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/api/tasks/me/with-session/nemo_agent", request.PathAndQuery);
        Assert.Equal("project", request.BodyJson.GetProperty("task_name").GetString());
        Assert.Equal("de", request.BodyJson.GetProperty("language").GetString());
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateSession_defaults_to_english_and_accepts_numeric_ids()
    {
        var test = new TestClient();
        test.Handler.RespondData("""{"task_id":42,"session_id":7301234567890123456}""");

        var session = await test.Client.CreateSessionAsync();

        Assert.Equal("42", session.TaskId);
        Assert.Equal("7301234567890123456", session.SessionId);
        Assert.Null(session.UserId);
        Assert.Equal("en", test.Handler.Requests[0].BodyJson.GetProperty("language").GetString());
    }

    [Fact]
    public async Task CreateSession_without_a_session_id_is_a_protocol_error()
    {
        var test = new TestClient(o => o.MaxRetries = 0);
        test.Handler.RespondData("""{"task_id":"t"}""");

        var error = await Assert.ThrowsAsync<NemoApiException>(() => test.Client.CreateSessionAsync());
        Assert.Contains("session_id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateSession_is_retried_after_a_server_error()
    {
        var test = new TestClient();
        test.Handler.Respond(HttpStatusCode.BadGateway, "<html>bad gateway</html>", "text/html")
            .RespondData("""{"task_id":"t","session_id":"1"}""");

        var session = await test.RunAsync(test.Client.CreateSessionAsync());

        Assert.Equal("1", session.SessionId);
        Assert.Equal(2, test.Handler.Requests.Count);
    }
}
