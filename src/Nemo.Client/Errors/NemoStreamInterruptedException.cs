namespace Nemo.Client;

/// <summary>
/// The chat stream (<c>POST /run_sse</c>) stopped before the server closed it normally.
/// The prompt may already have been accepted and charged: callers must recover by reading
/// the session state, never by sending the prompt again.
/// </summary>
public sealed class NemoStreamInterruptedException : NemoApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reason">Why the stream stopped.</param>
    /// <param name="meaning">A plain-language description.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public NemoStreamInterruptedException(
        StreamInterruption reason,
        string meaning,
        Exception? innerException = null)
        : base(meaning, NemoErrorKind.Transient, statusCode: null, nemoCode: null, innerException)
    {
        Reason = reason;
    }

    /// <summary>Why the stream stopped.</summary>
    public StreamInterruption Reason { get; }
}
