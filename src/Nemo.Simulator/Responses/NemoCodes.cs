namespace Nemo.Simulator;

/// <summary>The Nemo error codes and the HTTP status each gets when errors are delivered with a status.</summary>
internal static class NemoCodes
{
    public const int Success = 0;
    public const int TokenInvalid = 1001;
    public const int SessionNotFound = 1002;
    public const int OutOfCredits = 2001;
    public const int UnsupportedType = 4001;
    public const int TooLarge = 4002;

    public static int HttpStatusFor(int code) => code switch
    {
        TokenInvalid => StatusCodes.Status401Unauthorized,
        SessionNotFound => StatusCodes.Status404NotFound,
        OutOfCredits => StatusCodes.Status403Forbidden,
        UnsupportedType => StatusCodes.Status415UnsupportedMediaType,
        TooLarge => StatusCodes.Status413PayloadTooLarge,
        >= 400 and <= 599 => code,
        _ => StatusCodes.Status400BadRequest,
    };

    public static string DefaultMessage(int code) => code switch
    {
        TokenInvalid => "Token invalid or expired",
        SessionNotFound => "Session not found",
        OutOfCredits => "Insufficient credits",
        UnsupportedType => "Unsupported file type",
        TooLarge => "File too large",
        _ => "Request failed",
    };
}
