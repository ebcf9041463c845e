namespace Nemo.Conversions;

/// <summary>
/// A completion event that could not be delivered after the sink's own retries. Its message is for the result file
/// and the console: where the event went (without query strings) and why it failed, never a secret or a body.
/// </summary>
public sealed class EventDeliveryException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public EventDeliveryException()
        : base("The completion event could not be delivered.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public EventDeliveryException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public EventDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
