namespace Nemo.Cli.Runtime;

/// <summary>
/// An orchestration did something different from what its recorded history says it did (another activity, timer,
/// child or input at a sequence position, a different output): it is not deterministic and cannot be resumed safely.
/// </summary>
public sealed class NonDeterminismException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NonDeterminismException()
        : base("The orchestration diverged from its recorded history.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public NonDeterminismException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public NonDeterminismException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
