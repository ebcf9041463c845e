using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Nemo.Client;

/// <summary>
/// The one place that turns (HTTP status, Nemo code, server message) into a classified
/// <see cref="NemoApiException"/> with a plain-language meaning.
/// </summary>
internal static partial class NemoErrors
{
    public const int TokenInvalid = 1001;
    public const int SessionNotFound = 1002;
    public const int OutOfCredits = 2001;
    public const int UnsupportedFileType = 4001;
    public const int FileTooLarge = 4002;

    /// <summary>Every format the Nemo service accepts (nemo-api.md, "Formats and limits").</summary>
    public const string AcceptedFormats =
        "video mp4, mov, avi, webm, mkv; image jpg, png, gif, webp, heic; audio mp3, wav, m4a, aac";

    private const int MaxServerMessageLength = 200;

    public static NemoApiException Create(
        HttpStatusCode? status,
        int? code,
        string? serverMessage,
        NemoErrorContext context,
        TimeSpan? retryAfter = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (meaning, kind) = Classify(status, code, context, retryAfter);
        var said = Sanitize(serverMessage, context.Token);
        if (said is not null)
        {
            meaning = $"{meaning} Nemo said: \"{said}\"";
        }

        return new NemoApiException(meaning, kind, status, code is 0 ? null : code)
        {
            Operation = context.Operation,
            RetryAfter = retryAfter,
        };
    }

    /// <summary>An HTTP 401 or a 1001: the token was not accepted.</summary>
    public static bool IsTokenRejection(NemoApiException exception) =>
        exception.NemoCode == TokenInvalid
        || (exception.NemoCode is null && exception.StatusCode == HttpStatusCode.Unauthorized);

    private static (string Meaning, NemoErrorKind Kind) Classify(
        HttpStatusCode? status, int? code, NemoErrorContext context, TimeSpan? retryAfter)
    {
        switch (code)
        {
            case TokenInvalid:
                return ("The Nemo access token is invalid or has expired (1001).", NemoErrorKind.Recoverable);
            case SessionNotFound:
                return ("The Nemo session was not found (1002): it expired or was lost. Create a new session and upload the inputs again.", NemoErrorKind.Recoverable);
            case OutOfCredits:
                return (OutOfCreditsMeaning(context.Token), NemoErrorKind.Terminal);
            case UnsupportedFileType:
                return (
                    $"Nemo does not accept this file type (4001). Accepted formats: {AcceptedFormats}. " +
                    $"The '{context.Profile.Name}' profile takes {string.Join(", ", context.Profile.AcceptedFormats)}.",
                    NemoErrorKind.Terminal);
            case FileTooLarge:
                return (
                    $"The file is too large for Nemo (4002): the '{context.Profile.Name}' profile accepts files up to {FormatBytes(context.Profile.MaxUploadBytes)}.",
                    NemoErrorKind.Terminal);
            case >= 500 and <= 599:
                // A server error wrapped in an HTTP 200 envelope is still a server error.
                return ($"Nemo had a server error (code {code}).", NemoErrorKind.Transient);
            case 429 when !context.IsAnonymousTokenCall && (status is null || (int)status < 400):
                return ("Nemo rate limit reached (code 429); wait at least 30 s before retrying.", NemoErrorKind.Transient);
            case null when status is HttpStatusCode.RequestEntityTooLarge:
                return Classify(status, FileTooLarge, context, retryAfter);
            case null when status is HttpStatusCode.UnsupportedMediaType:
                return Classify(status, UnsupportedFileType, context, retryAfter);
            case { } other when other != 0 && (status is null || (int)status < 400):
                return ($"Nemo rejected the request with error code {other}.", NemoErrorKind.Terminal);
            default:
                break;
        }

        if (status is not { } s)
        {
            return ("Nemo returned an error without an HTTP status.", NemoErrorKind.Transient);
        }

        var number = (int)s;
        return number switch
        {
            400 when context.IsAnonymousTokenCall => (
                "Nemo rejected the anonymous-token request (HTTP 400): the X-Client-Id header is missing or invalid.",
                NemoErrorKind.Terminal),
            401 => ("Nemo rejected the access token (HTTP 401).", NemoErrorKind.Recoverable),
            402 => (
                "Nemo refused the export (HTTP 402): the plan cannot export, or the X-Skill-* attribution headers were missing. This is not a credits problem.",
                NemoErrorKind.Terminal),
            429 when context.IsAnonymousTokenCall => (
                "Nemo's anonymous-token rate limit was reached (HTTP 429): anonymous tokens are limited per client and per IP over 7 days. " +
                "Reuse the persisted token (TokenStorePath) or configure NEMO_TOKEN.",
                NemoErrorKind.Terminal),
            429 => (
                retryAfter is { } wait
                    ? $"Nemo rate limit reached (HTTP 429); retry after {wait.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s."
                    : "Nemo rate limit reached (HTTP 429); wait at least 30 s before retrying.",
                NemoErrorKind.Transient),
            408 => ("The request to Nemo timed out (HTTP 408).", NemoErrorKind.Transient),
            >= 500 => ($"Nemo had a server error (HTTP {number}).", NemoErrorKind.Transient),
            >= 400 => ($"Nemo rejected the request (HTTP {number} {s}).", NemoErrorKind.Terminal),
            _ => ($"Nemo returned an unexpected response (HTTP {number}).", NemoErrorKind.Transient),
        };
    }

    private static string OutOfCreditsMeaning(NemoAccessToken? token)
    {
        const string Prefix = "The Nemo account is out of credits (2001).";
        return token is { IsAnonymous: true, UserId: { Length: > 0 } userId }
            ? $"{Prefix} Register and bind this anonymous account to get more: https://nemovideo.com/register?bind={Uri.EscapeDataString(userId)}"
            : $"{Prefix} Add credits to the account behind the configured token.";
    }

    private static string FormatBytes(long bytes) =>
        bytes % (1024 * 1024) == 0
            ? $"{bytes / (1024 * 1024)} MB"
            : $"{bytes.ToString(CultureInfo.InvariantCulture)} bytes";

    /// <summary>Keeps a server message short and free of anything token-like.</summary>
    internal static string? Sanitize(string? message, NemoAccessToken? token)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return null;
        }

        var text = message.Trim();
        if (token is not null && token.Value.Length > 0)
        {
            text = text.Replace(token.Value, "[redacted]", StringComparison.Ordinal);
        }

        text = TokenLike().Replace(text, "[redacted]");
        text = string.Concat(text.Select(c => char.IsControl(c) ? ' ' : c));
        return text.Length > MaxServerMessageLength ? string.Concat(text.AsSpan(0, MaxServerMessageLength), "…") : text;
    }

    [GeneratedRegex(@"(nmv_[A-Za-z0-9_\-\.]+|Bearer\s+\S+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TokenLike();
}
