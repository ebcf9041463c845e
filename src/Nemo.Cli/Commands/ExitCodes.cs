namespace Nemo.Cli.Commands;

/// <summary>The exit codes of <c>nemo</c>.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>The conversion ran and failed (Nemo refused, a render failed, …).</summary>
    public const int Failed = 1;

    /// <summary>Bad usage or input that failed validation before any credit was spent.</summary>
    public const int Usage = 2;

    /// <summary>Cancelled with Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;

    /// <summary>
    /// Stopped by SIGTERM before the conversion finished (128 + SIGTERM): nothing failed, the conversion is journaled and
    /// the same command resumes it.
    /// </summary>
    public const int Stopped = 143;
}
