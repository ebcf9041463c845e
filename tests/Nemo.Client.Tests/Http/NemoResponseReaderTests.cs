using System.Net;
using Nemo.Client.Tests.Testing;

namespace Nemo.Client.Tests.Http;

/// <summary>The three error shapes and both envelopes, end to end through the client.</summary>
public sealed class NemoResponseReaderTests
{
    [Fact]
    public async Task Http_200_with_a_nonzero_code_is_an_error()
    {
        var test = new TestClient();
        test.Handler.Respond(HttpStatusCode.OK, Responses.Error(2001, "insufficient credits"));

        var error = await Assert.ThrowsAsync<NemoApiException>(() => test.Client.GetCreditsAsync());

        Assert.Equal(2001, error.NemoCode);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Equal(NemoErrorKind.Terminal, error.Kind);
        Assert.Contains("insufficient credits", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_larger_than_any_api_response_is_refused_without_reading_it_all()
    {
        var test = new TestClient(o => o.MaxRetries = 0);
        var body = new GeneratedStream(NemoResponseReader.MaxBodyBytes + 1024 * 1024);
        test.Handler.Respond(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(body) });

        var error = await Assert.ThrowsAsync<NemoApiException>(() => test.Client.GetCreditsAsync());

        Assert.Equal(NemoErrorKind.Transient, error.Kind);
        Assert.Contains("too large", error.Message, StringComparison.Ordinal);
        Assert.True(body.Produced <= NemoResponseReader.MaxBodyBytes + 64 * 1024);
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_is_refused_before_reading()
    {
        var test = new TestClient(o => o.MaxRetries = 0);
        var body = new GeneratedStream(1024);
        test.Handler.Respond(_ =>
        {
            var content = new StreamContent(body);
            content.Headers.ContentLength = NemoResponseReader.MaxBodyBytes + 1L;
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        });

        var error = await Assert.ThrowsAsync<NemoApiException>(() => test.Client.GetCreditsAsync());

        Assert.Contains("too large", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, body.Produced);
    }

    [Fact]
    public async Task An_error_status_with_an_envelope_uses_the_code()
    {
        var test = new TestClient();
        test.Handler.Respond(HttpStatusCode.BadRequest, Responses.Error(4001, "unsupported"));

        var error = await Assert.ThrowsAsync<NemoApiException>(() => test.Client.GetCreditsAsync());

        Assert.Equal(4001, error.NemoCode);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal(NemoErrorKind.Terminal, error.Kind);
    }

    [Fact]
    public async Task An_error_status_with_a_non_json_body_uses_the_status()
    {
        var test = new TestClient(o => o.MaxRetries = 0);
        test.Handler.Respond(HttpStatusCode.ServiceUnavailable, "<html>upstream down</html>", "text/html");

        var error = await Assert.ThrowsAsync<NemoApiException>(() => test.Client.GetCreditsAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Null(error.NemoCode);
        Assert.Equal(NemoErrorKind.Transient, error.Kind);
        Assert.DoesNotContain("upstream down", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_status_with_an_envelope_without_code_keeps_the_message()
    {
        var test = new TestClient();
        test.Handler.Respond(HttpStatusCode.Forbidden, """{"message":"forbidden here"}""");

        var error = await Assert.ThrowsAsync<NemoApiException>(() => test.Client.GetCreditsAsync());

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal(NemoErrorKind.Terminal, error.Kind);
        Assert.Contains("forbidden here", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_success_status_with_a_non_json_body_is_a_transient_protocol_error()
    {
        var test = new TestClient(o => o.MaxRetries = 0);
        test.Handler.Respond(HttpStatusCode.OK, "<html>captive portal</html>", "text/html");

        var error = await Assert.ThrowsAsync<NemoApiException>(() => test.Client.GetCreditsAsync());

        Assert.Equal(NemoErrorKind.Transient, error.Kind);
        Assert.Contains("not a JSON object", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_fields_are_ignored()
    {
        var test = new TestClient();
        test.Handler.Respond(HttpStatusCode.OK, """{"code":0,"message":"ok","trace":"x","data":{"available":5,"frozen":0,"total":5,"currency":"cr"}}""");

        var credits = await test.Client.GetCreditsAsync();

        Assert.Equal(5, credits.Available);
    }

    [Fact]
    public async Task A_code_sent_as_a_string_is_read()
    {
        var test = new TestClient();
        test.Handler.Respond(HttpStatusCode.OK, """{"code":"1002","msg":"gone"}""");

        var error = await Assert.ThrowsAsync<NemoApiException>(() => test.Client.GetStateAsync("1"));

        Assert.Equal(1002, error.NemoCode);
        Assert.Contains("gone", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_envelope_failure_is_an_error_with_the_servers_reason()
    {
        var test = new TestClient();
        test.Handler.Respond(HttpStatusCode.OK, """{"success":false,"error":"render not found"}""");

        var error = await Assert.ThrowsAsync<NemoApiException>(() => test.Client.GetRenderStatusAsync("render_1"));

        Assert.Equal(NemoErrorKind.Terminal, error.Kind);
        Assert.Contains("render not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_envelope_failure_with_an_error_status_uses_the_status()
    {
        var test = new TestClient(o => o.MaxRetries = 0);
        test.Handler.Respond(HttpStatusCode.InternalServerError, """{"success":false,"error":"lambda crashed"}""");

        var error = await Assert.ThrowsAsync<NemoApiException>(() => test.Client.GetRenderStatusAsync("render_1"));

        Assert.Equal(NemoErrorKind.Transient, error.Kind);
        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
    }
}
