namespace Nemo.Conversions;

/// <summary>
/// A failure as data: activities return it instead of throwing, so it crosses the activity boundary intact and lands in
/// the result file. Never carries a token, a signed URL or a response body.
/// </summary>
/// <param name="Stage">Where it happened.</param>
/// <param name="Kind">How it is handled.</param>
/// <param name="Reason">Plain-language reason for the person who dropped the image.</param>
/// <param name="NemoCode">The Nemo error code, when Nemo gave one.</param>
/// <param name="HttpStatus">The HTTP status, when there was a response.</param>
/// <param name="RetryAfterSeconds">The server's <c>Retry-After</c>, when it gave one.</param>
/// <param name="Problems">For validation: every rule each file broke.</param>
public sealed record ConversionFailure(
    ConversionStage Stage,
    FailureKind Kind,
    string Reason,
    int? NemoCode = null,
    int? HttpStatus = null,
    double? RetryAfterSeconds = null,
    IReadOnlyList<ValidationProblem>? Problems = null);
