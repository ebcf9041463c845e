using System.Text.Json;
using Nemo.Client.Tests.Testing;

namespace Nemo.Client.Tests.State;

public sealed class NemoClientStateTests
{
    [Fact]
    public async Task GetState_reads_the_documented_shape()
    {
        var test = new TestClient();
        test.Handler.RespondData("""
            {"session_id":"123","task_id":"t-9","task_name":"project",
             "state":{"draft":{"id":"draft_1","d":3000,"t":[{"tt":0,"sg":[{"n":"clip","st":0,"d":3000}]}]},
                      "video_infos":[{"url":"a"}],"generated_media":{"x":1},"canvas_config":{"w":1},"video_analyses":[]}}
            """);

        var state = await test.Client.GetStateAsync("123");

        var request = Assert.Single(test.Handler.Requests);
        Assert.Equal("/api/state/nemo_agent/me/123/latest", request.PathAndQuery);
        Assert.Equal("123", state.SessionId);
        Assert.Equal("t-9", state.TaskId);
        Assert.Equal("project", state.TaskName);
        Assert.NotNull(state.Draft);
        Assert.True(state.Draft.IsExportable);
        Assert.Equal(JsonValueKind.Array, state.VideoInfos?.ValueKind);
        Assert.Equal(1, state.GeneratedMedia?.GetProperty("x").GetInt32());
        Assert.Equal(JsonValueKind.Object, state.CanvasConfig?.ValueKind);
        Assert.Equal(JsonValueKind.Array, state.VideoAnalyses?.ValueKind);
    }

    [Fact]
    public async Task GetState_without_a_draft_has_a_null_draft()
    {
        var test = new TestClient();
        test.Handler.RespondData("""{"session_id":"1","state":{"draft":null,"video_infos":[]}}""");

        var state = await test.Client.GetStateAsync("1");

        Assert.Null(state.Draft);
        Assert.Null(state.GeneratedMedia);
    }

    [Fact]
    public async Task GetState_accepts_a_flat_state_and_keeps_the_requested_session_id()
    {
        var test = new TestClient();
        test.Handler.RespondData("""{"draft":{"t":[]},"generated_media":[1]}""");

        var state = await test.Client.GetStateAsync("55");

        Assert.Equal("55", state.SessionId);
        Assert.NotNull(state.Draft);
        Assert.False(state.Draft.IsExportable);
        Assert.Equal(JsonValueKind.Array, state.GeneratedMedia?.ValueKind);
    }

    [Fact]
    public async Task A_lost_session_is_recoverable()
    {
        var test = new TestClient();
        test.Handler.Respond(System.Net.HttpStatusCode.OK, Responses.Error(1002, "session not found"));

        var error = await Assert.ThrowsAsync<NemoApiException>(() => test.Client.GetStateAsync("1"));

        Assert.Equal(NemoErrorKind.Recoverable, error.Kind);
        Assert.Equal(1002, error.NemoCode);
        Assert.Single(test.Handler.Requests);
    }
}
