namespace Nemo.Client;

/// <summary>One Nemo call, described once and replayed per attempt (content is created afresh each time).</summary>
internal sealed class NemoRequest
{
    /// <summary>For logs and <see cref="NemoApiException.Operation"/>: method and path template, no ids or secrets.</summary>
    public required string Operation { get; init; }

    public required HttpMethod Method { get; init; }

    public required Uri Uri { get; init; }

    /// <summary>Creates the body for one attempt.</summary>
    public Func<HttpContent>? Content { get; init; }

    public bool Authenticated { get; init; } = true;

    /// <summary>Whether to send the three <c>X-Skill-*</c> headers (not to foreign download hosts).</summary>
    public bool Attribution { get; init; } = true;

    public string? ClientId { get; init; }

    public string Accept { get; init; } = "application/json";

    public bool IsAnonymousTokenCall { get; init; }
}
