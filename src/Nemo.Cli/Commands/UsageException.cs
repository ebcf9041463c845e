namespace Nemo.Cli.Commands;

/// <summary>Bad usage found after parsing (exit code 2, the message on standard error).</summary>
internal sealed class UsageException(string message) : Exception(message);
