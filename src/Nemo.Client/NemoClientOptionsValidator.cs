using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Nemo.Client;

/// <summary>Cross-field rules for <see cref="NemoClientOptions"/> that data annotations cannot express.</summary>
internal sealed class NemoClientOptionsValidator : IValidateOptions<NemoClientOptions>
{
    public ValidateOptionsResult Validate(string? name, NemoClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (options.BaseAddress is null || !options.BaseAddress.IsAbsoluteUri
            || (options.BaseAddress.Scheme != Uri.UriSchemeHttps && options.BaseAddress.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add("BaseAddress must be an absolute http or https address.");
        }

        if (string.IsNullOrWhiteSpace(options.Profile) || !NemoProfiles.TryGet(options.Profile, out _))
        {
            failures.Add($"Profile '{options.Profile}' is not known. Valid profiles: {string.Join(", ", NemoProfiles.All.Select(p => p.Name))}.");
        }

        if (options.Token is not null && (options.Token.Length == 0 || options.Token.Any(IsInvalidHeaderChar)))
        {
            // The token itself is never echoed.
            failures.Add("Token must be non-empty and contain no whitespace or control characters.");
        }

        if (options.ClientId is not null && (options.ClientId.Length is 0 or > 64 || options.ClientId.Any(IsInvalidHeaderChar)))
        {
            failures.Add("ClientId must be 1-64 characters without whitespace or control characters.");
        }

        if (options.BaseDelay > options.MaxRetryDelay)
        {
            failures.Add("BaseDelay must not exceed MaxRetryDelay.");
        }

        if (options.RateLimitMinimumDelay > options.MaxRateLimitDelay)
        {
            failures.Add("RateLimitMinimumDelay must not exceed MaxRateLimitDelay.");
        }

        if (options.RequestTimeout <= TimeSpan.Zero && options.RequestTimeout != Timeout.InfiniteTimeSpan)
        {
            failures.Add("RequestTimeout must be positive (or Timeout.InfiniteTimeSpan).");
        }

        if (options.ChatStream is null)
        {
            failures.Add("ChatStream is required.");
        }
        else
        {
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(options.ChatStream, new ValidationContext(options.ChatStream), results, validateAllProperties: true))
            {
                failures.AddRange(results.Select(r => $"ChatStream: {r.ErrorMessage}"));
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Runs the data annotations and the cross-field rules; throws when anything fails.</summary>
    public static void ThrowIfInvalid(NemoClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            failures.AddRange(results.Select(r => r.ErrorMessage ?? "Invalid value."));
        }

        var crossField = new NemoClientOptionsValidator().Validate(Options.DefaultName, options);
        if (crossField.Failed)
        {
            failures.AddRange(crossField.Failures);
        }

        if (failures.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(NemoClientOptions), failures);
        }
    }

    private static bool IsInvalidHeaderChar(char c) => char.IsWhiteSpace(c) || char.IsControl(c);
}
