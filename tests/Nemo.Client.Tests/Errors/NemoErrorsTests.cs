using System.Net;

namespace Nemo.Client.Tests.Errors;

public sealed class NemoErrorsTests
{
    private static readonly NemoErrorContext Context = new("POST /x", NemoProfiles.Best);

    [Theory]
    [InlineData(1001, NemoErrorKind.Recoverable, "token")]
    [InlineData(1002, NemoErrorKind.Recoverable, "session was not found")]
    [InlineData(2001, NemoErrorKind.Terminal, "out of credits")]
    [InlineData(4001, NemoErrorKind.Terminal, "mp4, mov, avi, webm, mkv")]
    [InlineData(4002, NemoErrorKind.Terminal, "up to 200 MB")]
    [InlineData(9999, NemoErrorKind.Terminal, "error code 9999")]
    [InlineData(503, NemoErrorKind.Transient, "server error (code 503)")]
    [InlineData(500, NemoErrorKind.Transient, "server error (code 500)")]
    [InlineData(429, NemoErrorKind.Transient, "rate limit")]
    public void Nemo_codes_are_classified_with_a_meaning(int code, NemoErrorKind kind, string meaningPart)
    {
        var error = NemoErrors.Create(HttpStatusCode.OK, code, null, Context);

        Assert.Equal(kind, error.Kind);
        Assert.Equal(code, error.NemoCode);
        Assert.Contains(meaningPart, error.Meaning, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("POST /x", error.Operation);
    }

    [Theory]
    [InlineData(HttpStatusCode.PaymentRequired, NemoErrorKind.Terminal, "not a credits problem")]
    [InlineData(HttpStatusCode.TooManyRequests, NemoErrorKind.Transient, "rate limit")]
    [InlineData(HttpStatusCode.InternalServerError, NemoErrorKind.Transient, "HTTP 500")]
    [InlineData(HttpStatusCode.ServiceUnavailable, NemoErrorKind.Transient, "HTTP 503")]
    [InlineData(HttpStatusCode.RequestTimeout, NemoErrorKind.Transient, "timed out")]
    [InlineData(HttpStatusCode.NotFound, NemoErrorKind.Terminal, "HTTP 404")]
    [InlineData(HttpStatusCode.BadRequest, NemoErrorKind.Terminal, "HTTP 400")]
    [InlineData(HttpStatusCode.Unauthorized, NemoErrorKind.Recoverable, "token")]
    [InlineData(HttpStatusCode.UnsupportedMediaType, NemoErrorKind.Terminal, "Accepted formats")]
    [InlineData(HttpStatusCode.RequestEntityTooLarge, NemoErrorKind.Terminal, "up to 200 MB")]
    public void Http_statuses_are_classified_with_a_meaning(HttpStatusCode status, NemoErrorKind kind, string meaningPart)
    {
        var error = NemoErrors.Create(status, null, null, Context);

        Assert.Equal(kind, error.Kind);
        Assert.Equal(status, error.StatusCode);
        Assert.Null(error.NemoCode);
        Assert.Contains(meaningPart, error.Meaning, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_rate_limit_code_on_the_anonymous_token_call_is_not_retried()
    {
        var error = NemoErrors.Create(HttpStatusCode.OK, 429, null, Context with { IsAnonymousTokenCall = true });

        Assert.Equal(NemoErrorKind.Terminal, error.Kind);
    }

    [Fact]
    public void Http_402_names_the_attribution_headers()
    {
        var error = NemoErrors.Create(HttpStatusCode.PaymentRequired, null, null, Context);
        Assert.Contains("X-Skill-*", error.Meaning, StringComparison.Ordinal);
        Assert.Contains("plan cannot export", error.Meaning, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_of_credits_for_an_anonymous_user_links_to_the_bind_page()
    {
        var token = new NemoAccessToken("nmv_usr_secret", isAnonymous: true, userId: "anon_42");
        var error = NemoErrors.Create(HttpStatusCode.OK, 2001, null, Context with { Token = token });

        Assert.Contains("https://nemovideo.com/register?bind=anon_42", error.Meaning, StringComparison.Ordinal);
        Assert.DoesNotContain("nmv_usr_secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_of_credits_with_a_configured_token_has_no_bind_link()
    {
        var token = new NemoAccessToken("nmv_configured", isAnonymous: false, userId: "user_1");
        var error = NemoErrors.Create(HttpStatusCode.OK, 2001, null, Context with { Token = token });

        Assert.DoesNotContain("register?bind", error.Meaning, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_large_states_the_profiles_limit()
    {
        var error = NemoErrors.Create(HttpStatusCode.OK, 4002, null, Context with { Profile = NemoProfiles.MotionControl });
        Assert.Contains("'motion-control' profile accepts files up to 50 MB", error.Meaning, StringComparison.Ordinal);
    }

    [Fact]
    public void Unsupported_type_lists_the_profiles_formats()
    {
        var error = NemoErrors.Create(HttpStatusCode.BadRequest, 4001, null, Context with { Profile = NemoProfiles.Ezgif });
        Assert.Contains("'ezgif' profile takes jpg, jpeg, png, gif, webp", error.Meaning, StringComparison.Ordinal);
        Assert.Equal(NemoErrorKind.Terminal, error.Kind);
    }

    [Fact]
    public void Bad_request_on_the_anonymous_token_call_means_a_missing_client_id()
    {
        var error = NemoErrors.Create(HttpStatusCode.BadRequest, null, null, Context with { IsAnonymousTokenCall = true });
        Assert.Contains("X-Client-Id", error.Meaning, StringComparison.Ordinal);
    }

    [Fact]
    public void Rate_limit_on_the_anonymous_token_call_is_terminal_and_explains_the_7_day_limit()
    {
        var error = NemoErrors.Create(HttpStatusCode.TooManyRequests, null, null, Context with { IsAnonymousTokenCall = true }, TimeSpan.FromHours(1));
        Assert.Equal(NemoErrorKind.Terminal, error.Kind);
        Assert.Contains("7 days", error.Meaning, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromHours(1), error.RetryAfter);
    }

    [Fact]
    public void Rate_limit_carries_retry_after()
    {
        var error = NemoErrors.Create(HttpStatusCode.TooManyRequests, null, null, Context, TimeSpan.FromSeconds(45));
        Assert.Equal(TimeSpan.FromSeconds(45), error.RetryAfter);
        Assert.Contains("45 s", error.Meaning, StringComparison.Ordinal);
    }

    [Fact]
    public void Server_messages_are_included_without_tokens()
    {
        var token = new NemoAccessToken("secret-value-123");
        var error = NemoErrors.Create(
            HttpStatusCode.BadRequest, null, "bad token secret-value-123 and nmv_usr_abc123 Bearer xyz", Context with { Token = token });

        Assert.Contains("Nemo said", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-value-123", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("nmv_usr_abc123", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("xyz", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_server_messages_are_shortened()
    {
        var error = NemoErrors.Create(HttpStatusCode.BadRequest, null, new string('x', 5000), Context);
        Assert.True(error.Message.Length < 600);
    }
}
