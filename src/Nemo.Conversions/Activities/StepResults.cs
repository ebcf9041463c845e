namespace Nemo.Conversions;

/// <summary>Factory methods for <see cref="StepResult{T}"/>.</summary>
public static class StepResults
{
    /// <summary>A success.</summary>
    public static StepResult<T> Ok<T>(T value) => new(value, null);

    /// <summary>A failure.</summary>
    public static StepResult<T> Fail<T>(ConversionFailure failure) => new(default, failure);
}
