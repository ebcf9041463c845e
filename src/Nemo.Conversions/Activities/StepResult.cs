namespace Nemo.Conversions;

/// <summary>An activity's outcome: a value or a classified failure, never an exception across the boundary.</summary>
/// <param name="Value">The value, when it succeeded.</param>
/// <param name="Failure">The failure, when it did not.</param>
public sealed record StepResult<T>(T? Value, ConversionFailure? Failure)
{
    /// <summary>Whether the step succeeded.</summary>
    public bool Succeeded => Failure is null;
}
