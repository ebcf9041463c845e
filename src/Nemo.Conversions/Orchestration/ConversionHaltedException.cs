namespace Nemo.Conversions;

/// <summary>Unwinds a conversion run to its end: a failure that stops it, or a cancellation.</summary>
internal sealed class ConversionHaltedException : Exception
{
    public ConversionHaltedException(ConversionFailure failure)
        : base(failure.Reason)
    {
        Failure = failure;
    }

    public ConversionHaltedException(CancelRequest cancel)
        : base("cancelled")
    {
        Cancel = cancel;
    }

    public ConversionHaltedException()
    {
    }

    public ConversionHaltedException(string message)
        : base(message)
    {
    }

    public ConversionHaltedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The failure, when it failed.</summary>
    public ConversionFailure? Failure { get; }

    /// <summary>The request, when it was cancelled.</summary>
    public CancelRequest? Cancel { get; }
}
