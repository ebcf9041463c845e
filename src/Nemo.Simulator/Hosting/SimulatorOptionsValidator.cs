using Microsoft.Extensions.Options;

namespace Nemo.Simulator;

/// <summary>Checks the ranges and cross-field rules of <see cref="SimulatorOptions"/>.</summary>
internal sealed class SimulatorOptionsValidator : IValidateOptions<SimulatorOptions>
{
    public ValidateOptionsResult Validate(string? name, SimulatorOptions options)
    {
        var errors = new List<string>();
        if (!(options.TimeScale > 0 && options.TimeScale <= 1000))
        {
            errors.Add("TimeScale must be in (0, 1000].");
        }

        if (options.NoTextProbability is < 0 or > 1)
        {
            errors.Add("NoTextProbability must be in [0, 1].");
        }

        if (options.StartingCredits < 0 || options.GenerationCost < 0 || options.EditCost < 0)
        {
            errors.Add("Credits and costs must not be negative.");
        }

        if (options.TokenLifetime <= TimeSpan.Zero || options.TokenRateLimitWindow <= TimeSpan.Zero || options.KeepAliveInterval <= TimeSpan.Zero)
        {
            errors.Add("TokenLifetime, TokenRateLimitWindow and KeepAliveInterval must be positive.");
        }

        Range(errors, "TextDelay", options.TextDelayMin, options.TextDelayMax);
        Range(errors, "GenerationDelay", options.GenerationDelayMin, options.GenerationDelayMax);
        Range(errors, "EditDelay", options.EditDelayMin, options.EditDelayMax);
        Range(errors, "RenderDuration", options.RenderDurationMin, options.RenderDurationMax);
        if (options.RenderDurationMin <= TimeSpan.Zero)
        {
            errors.Add("RenderDurationMin must be positive.");
        }

        if (options.DefaultUploadLimitBytes <= 0 || options.UploadLimitBytesBySource.Values.Any(v => v <= 0))
        {
            errors.Add("Upload limits must be positive.");
        }

        if (options.FfmpegTimeout <= TimeSpan.Zero)
        {
            errors.Add("FfmpegTimeout must be positive.");
        }

        if (options.MaxVideoLength < TimeSpan.FromSeconds(1) || options.MaxVideoLength > TimeSpan.FromMinutes(10))
        {
            errors.Add("MaxVideoLength must be between 00:00:01 and 00:10:00.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Range(List<string> errors, string name, TimeSpan min, TimeSpan max)
    {
        if (min < TimeSpan.Zero || max < min)
        {
            errors.Add($"{name}Min must be >= 0 and <= {name}Max.");
        }
    }
}
