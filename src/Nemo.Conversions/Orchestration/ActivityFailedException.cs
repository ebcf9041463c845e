namespace Nemo.Conversions;

/// <summary>An activity or child orchestration threw; raised in the orchestration by the context (Durable's <c>TaskFailedException</c>).</summary>
public sealed class ActivityFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ActivityFailedException(string name, string errorType, string errorMessage)
        : base($"{name} failed: {errorType}: {errorMessage}")
    {
        Name = name;
        ErrorType = errorType;
        ErrorMessage = errorMessage;
    }

    /// <summary>Creates the exception.</summary>
    public ActivityFailedException()
        : this("activity", "unknown", "failed")
    {
    }

    /// <summary>Creates the exception.</summary>
    public ActivityFailedException(string message)
        : this("activity", "unknown", message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ActivityFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Name = "activity";
        ErrorType = innerException?.GetType().FullName ?? "unknown";
        ErrorMessage = message;
    }

    /// <summary>The activity or orchestrator name.</summary>
    public string Name { get; }

    /// <summary>The full type name of the exception the activity threw.</summary>
    public string ErrorType { get; }

    /// <summary>Its message.</summary>
    public string ErrorMessage { get; }
}
