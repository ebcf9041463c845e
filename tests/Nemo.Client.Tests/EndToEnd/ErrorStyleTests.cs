using System.Net;
using Nemo.Simulator;

namespace Nemo.Client.Tests.EndToEnd;

/// <summary>
/// The protocol delivers an error as HTTP 200 with <c>code != 0</c>, as a 4xx/5xx with the same envelope, or as a
/// 4xx/5xx with a body that is not JSON. The simulator raises each error on its own (no fault injection) in the
/// style it is configured with; the client must classify all three the same way.
/// </summary>
public sealed class ErrorStyleTests
{
    public enum Scenario
    {
        SessionLost,
        OutOfCredits,
        UnsupportedType,
    }

    [Theory]
    [InlineData(Scenario.SessionLost, ErrorStyle.Http200Envelope)]
    [InlineData(Scenario.SessionLost, ErrorStyle.HttpStatusEnvelope)]
    [InlineData(Scenario.OutOfCredits, ErrorStyle.Http200Envelope)]
    [InlineData(Scenario.OutOfCredits, ErrorStyle.HttpStatusEnvelope)]
    [InlineData(Scenario.UnsupportedType, ErrorStyle.Http200Envelope)]
    [InlineData(Scenario.UnsupportedType, ErrorStyle.HttpStatusEnvelope)]
    public async Task Every_error_style_gives_the_same_classified_exception(Scenario scenario, ErrorStyle style)
    {
        await using var harness = await SimulatorHarness.StartAsync(o => o.ErrorStyle = style);
        var client = harness.Client;
        var token = await harness.TokenAsync();
        var session = await client.CreateSessionAsync(cancellationToken: harness.Deadline);

        var (endpoint, status) = scenario switch
        {
            Scenario.SessionLost => (SimulatorEndpoint.State, HttpStatusCode.NotFound),
            Scenario.OutOfCredits => (SimulatorEndpoint.RunSse, HttpStatusCode.Forbidden),
            _ => (SimulatorEndpoint.Upload, HttpStatusCode.UnsupportedMediaType),
        };
        var error = await Assert.ThrowsAsync<NemoApiException>(() => FailAsync(harness, scenario, session.SessionId, token));

        Assert.Equal(style == ErrorStyle.Http200Envelope ? HttpStatusCode.OK : status, error.StatusCode);
        switch (scenario)
        {
            case Scenario.SessionLost:
                Assert.Equal(1002, error.NemoCode);
                Assert.Equal(NemoErrorKind.Recoverable, error.Kind);
                Assert.StartsWith("The Nemo session was not found (1002)", error.Meaning, StringComparison.Ordinal);
                break;
            case Scenario.OutOfCredits:
                Assert.Equal(2001, error.NemoCode);
                Assert.Equal(NemoErrorKind.Terminal, error.Kind);
                Assert.StartsWith("The Nemo account is out of credits (2001).", error.Meaning, StringComparison.Ordinal);
                Assert.Contains($"https://nemovideo.com/register?bind={token.UserId}", error.Meaning, StringComparison.Ordinal);
                Assert.StartsWith("anon_", token.UserId, StringComparison.Ordinal);
                break;
            default:
                Assert.Equal(4001, error.NemoCode);
                Assert.Equal(NemoErrorKind.Terminal, error.Kind);
                Assert.Contains("Accepted formats: video mp4, mov, avi, webm, mkv; image jpg, png, gif, webp, heic", error.Meaning, StringComparison.Ordinal);
                break;
        }

        // Neither a recoverable nor a terminal error is retried by the client.
        Assert.Equal(1, harness.Journal.Count(endpoint));
        JournalAssert.AttributionOnEveryRequest(harness.Journal, NemoProfiles.Best.SkillSource);
    }

    /// <summary>
    /// Without JSON there is no Nemo code: the client classifies by the HTTP status alone and never invents a code.
    /// 415 and 413 mean what 4001 and 4002 mean; a 404 or 403 cannot be told apart from other rejections.
    /// </summary>
    [Theory]
    [InlineData(Scenario.SessionLost, HttpStatusCode.NotFound, "Nemo rejected the request (HTTP 404")]
    [InlineData(Scenario.OutOfCredits, HttpStatusCode.Forbidden, "Nemo rejected the request (HTTP 403")]
    [InlineData(Scenario.UnsupportedType, HttpStatusCode.UnsupportedMediaType, "Nemo does not accept this file type (4001). Accepted formats:")]
    public async Task A_non_json_error_body_is_classified_by_its_http_status(Scenario scenario, HttpStatusCode status, string meaning)
    {
        await using var harness = await SimulatorHarness.StartAsync(o => o.ErrorStyle = ErrorStyle.NonJsonBody);
        var token = await harness.TokenAsync();
        var session = await harness.Client.CreateSessionAsync(cancellationToken: harness.Deadline);

        var error = await Assert.ThrowsAsync<NemoApiException>(() => FailAsync(harness, scenario, session.SessionId, token));

        Assert.Equal(status, error.StatusCode);
        Assert.Null(error.NemoCode);
        Assert.Equal(NemoErrorKind.Terminal, error.Kind);
        Assert.StartsWith(meaning, error.Meaning, StringComparison.Ordinal);
    }

    private static async Task FailAsync(SimulatorHarness harness, Scenario scenario, string sessionId, NemoAccessToken token)
    {
        switch (scenario)
        {
            case Scenario.SessionLost:
                Assert.True(harness.Simulator.Accounts.LoseSession(sessionId));
                await harness.Client.GetStateAsync(sessionId, harness.Deadline);
                break;
            case Scenario.OutOfCredits:
                Assert.True(harness.Simulator.Accounts.SetCredits(token.Value, 0));
                await ChatReply.CollectAsync(harness.Client.SendPromptAsync(sessionId, "turn my photo into a video", harness.Deadline), harness.Deadline);
                break;
            default:
                using (var pdf = new MemoryStream(TestMedia.Pdf()))
                {
                    await harness.Client.UploadAsync(sessionId, [new UploadFile("scan.jpg", pdf)], harness.Deadline);
                }

                break;
        }
    }
}
