using System.Net;

namespace Nemo.Client;

/// <summary>
/// A failed call to the Nemo API: the HTTP status, the Nemo error code when the server sent one,
/// how to handle it, and a plain-language meaning. Never carries a token or a response body.
/// </summary>
public class NemoApiException : Exception
{
    /// <summary>Creates an exception for a failed Nemo call.</summary>
    /// <param name="meaning">A plain-language, user-facing description of what went wrong.</param>
    /// <param name="kind">How the failure should be handled.</param>
    /// <param name="statusCode">The HTTP status, or <see langword="null"/> when no response arrived.</param>
    /// <param name="nemoCode">The Nemo error code from the envelope, when present.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public NemoApiException(
        string meaning,
        NemoErrorKind kind,
        HttpStatusCode? statusCode = null,
        int? nemoCode = null,
        Exception? innerException = null)
        : base(meaning, innerException)
    {
        ArgumentException.ThrowIfNullOrEmpty(meaning);
        Meaning = meaning;
        Kind = kind;
        StatusCode = statusCode;
        NemoCode = nemoCode;
    }

    /// <summary>A plain-language, user-facing description of the failure.</summary>
    public string Meaning { get; }

    /// <summary>How the caller should handle the failure.</summary>
    public NemoErrorKind Kind { get; }

    /// <summary>The HTTP status of the response, or <see langword="null"/> when none arrived.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The Nemo error code (<c>code</c> in the envelope), when the server sent one.</summary>
    public int? NemoCode { get; }

    /// <summary>The endpoint that failed, e.g. <c>POST /run_sse</c>; set by the client.</summary>
    public string? Operation { get; init; }

    /// <summary>
    /// For 429 and some 5xx responses: how long the server asked the caller to wait.
    /// </summary>
    public TimeSpan? RetryAfter { get; init; }
}
