using Microsoft.Extensions.Options;
using Nemo.Client;

namespace Nemo.Functions.Triggers;

/// <summary>The rules data annotations cannot express: a non-blank prompt and a known profile.</summary>
internal sealed class BlobTriggerOptionsValidator : IValidateOptions<BlobTriggerOptions>
{
    public ValidateOptionsResult Validate(string? name, BlobTriggerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Prompt))
        {
            failures.Add("BlobTrigger:Prompt must not be blank.");
        }

        if (!NemoProfiles.TryGet(options.Profile ?? string.Empty, out _))
        {
            failures.Add($"BlobTrigger:Profile '{options.Profile}' is not known. Valid profiles: {string.Join(", ", NemoProfiles.All.Select(p => p.Name))}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
