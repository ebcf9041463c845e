namespace Nemo.Simulator;

/// <summary>Why an upload request failed, or <see cref="Ok"/>.</summary>
internal sealed record UploadOutcome(int Code, string? Message, int? HttpStatus)
{
    public static readonly UploadOutcome Ok = new(0, null, null);

    public static UploadOutcome Error(int code, string message) => new(code, message, null);

    /// <summary>A malformed request: code 400, HTTP 400 in the status styles.</summary>
    public static UploadOutcome Invalid(string message) => new(StatusCodes.Status400BadRequest, message, StatusCodes.Status400BadRequest);
}
