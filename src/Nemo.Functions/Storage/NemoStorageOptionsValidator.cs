using Microsoft.Extensions.Options;

namespace Nemo.Functions.Storage;

/// <summary>
/// Cross-field rules for <see cref="NemoStorageOptions"/>: exactly one way to reach the account, valid container names,
/// and three different containers (an output or state container that is also the input would retrigger conversions).
/// </summary>
internal sealed class NemoStorageOptionsValidator : IValidateOptions<NemoStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, NemoStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        if (hasConnectionString == (options.BlobServiceUri is not null))
        {
            failures.Add(hasConnectionString
                ? "Set either NemoStorage:ConnectionString or NemoStorage:BlobServiceUri, not both."
                : $"No storage account: set {NemoStorageOptions.HostConnectionName} (or its blobServiceUri), NemoStorage:BlobServiceUri or NemoStorage:ConnectionString.");
        }

        if (options.BlobServiceUri is { } uri && (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            failures.Add("NemoStorage:BlobServiceUri must be an absolute http or https address.");
        }

        foreach (var (setting, container) in Containers(options))
        {
            if (!IsValidContainerName(container))
            {
                failures.Add($"NemoStorage:{setting} '{container}' is not a valid container name (3-63 lower-case letters, digits and single hyphens, starting with a letter or digit).");
            }
        }

        if (options.InputContainer == options.OutputContainer || options.InputContainer == options.StateContainer)
        {
            failures.Add("NemoStorage:InputContainer must differ from OutputContainer and StateContainer: writes there would start new conversions.");
        }

        if (options.OutputContainer == options.StateContainer)
        {
            failures.Add("NemoStorage:OutputContainer and StateContainer must differ: the state container holds the Nemo token.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Whether <paramref name="name"/> follows Azure's container naming rules.</summary>
    internal static bool IsValidContainerName(string? name) =>
        name is { Length: >= 3 and <= 63 }
        && char.IsAsciiLetterOrDigit(name[0])
        && char.IsAsciiLetterOrDigit(name[^1])
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && !name.Contains("--", StringComparison.Ordinal);

    private static IEnumerable<(string Setting, string Container)> Containers(NemoStorageOptions options) =>
    [
        (nameof(NemoStorageOptions.InputContainer), options.InputContainer),
        (nameof(NemoStorageOptions.OutputContainer), options.OutputContainer),
        (nameof(NemoStorageOptions.StateContainer), options.StateContainer),
    ];
}
