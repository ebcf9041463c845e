using Nemo.Conversions;

namespace Nemo.Cli.Commands;

/// <summary>Reads a finished instance's <see cref="ConversionResult"/> and maps it to an exit code and one line.</summary>
internal static class ConversionOutcome
{
    public static ConversionResult? ResultOf(ConversionInstance instance) => ConversionJson.TryRead<ConversionResult>(instance.Output);

    public static int ExitCode(ConversionResult result) => result.Status switch
    {
        ConversionStatus.Succeeded => ExitCodes.Success,
        ConversionStatus.Cancelled => ExitCodes.Cancelled,
        _ when result.Failure?.Stage == ConversionStage.Validate => ExitCodes.Usage,
        _ => ExitCodes.Failed,
    };

    /// <summary>The one line for a failed or cancelled result: its name and <see cref="Why"/>.</summary>
    public static string Reason(ConversionResult result) => $"{result.Name}: {Why(result)}";

    /// <summary>Why a result is not a success: its reason, with the Nemo code when there is one.</summary>
    public static string Why(ConversionResult result)
    {
        var failure = result.Failure;
        if (failure is null)
        {
            return result.Status == ConversionStatus.Cancelled ? "cancelled" : result.Status.ToString();
        }

        var code = failure.NemoCode is { } nemoCode ? $" (Nemo code {nemoCode})" : failure.HttpStatus is { } http ? $" (HTTP {http})" : "";
        return failure.Reason + code;
    }
}
