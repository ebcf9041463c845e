using Nemo.Client;

namespace Nemo.Conversions;

/// <summary>Maps client exceptions to failure records that can cross the activity boundary.</summary>
internal static class ConversionFailures
{
    public const int TokenInvalid = 1001;
    public const int SessionNotFound = 1002;

    /// <summary>Nemo does not know the render (HTTP 404, or code 404 in a 200 envelope): it expired or was never kept.</summary>
    public const int RenderNotFound = 404;

    /// <summary>Whether <paramref name="exception"/> says Nemo does not know the render asked about.</summary>
    public static bool IsRenderNotFound(NemoApiException exception) =>
        exception.StatusCode == System.Net.HttpStatusCode.NotFound || exception.NemoCode == RenderNotFound;

    public static ConversionFailure From(ConversionStage stage, NemoApiException exception) =>
        new(
            stage,
            exception.Kind switch
            {
                NemoErrorKind.Transient => FailureKind.Transient,
                NemoErrorKind.Recoverable => FailureKind.Recoverable,
                _ => FailureKind.Terminal,
            },
            // Meaning is written by the client for people: no token, no body, no query string.
            exception.Meaning,
            exception.NemoCode,
            exception.StatusCode is { } status ? (int)status : null,
            exception.RetryAfter?.TotalSeconds);
}
