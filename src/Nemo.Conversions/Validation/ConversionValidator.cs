using System.Globalization;
using Nemo.Client;

namespace Nemo.Conversions;

/// <summary>
/// Checks a request before any credit is spent: the profile, prompt, image count and output name, then each image by
/// its content: its type from its first bytes, then, when the profile takes it, that it is whole and decodes
/// (<see cref="ImageIntegrity"/>). Collects every problem, each naming the file and the rule.
/// </summary>
public sealed class ConversionValidator
{
    private const double BytesPerMegabyte = 1024 * 1024;
    private readonly IMediaStore _store;

    /// <summary>Creates a validator reading inputs from <paramref name="store"/>.</summary>
    public ConversionValidator(IMediaStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <summary>
    /// Validates <paramref name="request"/>: the images in request order with their formats, or a terminal
    /// <see cref="ConversionStage.Validate"/> failure listing every problem.
    /// </summary>
    public async Task<StepResult<IReadOnlyList<ImageInfo>>> ValidateAsync(ConversionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<ValidationProblem>();
        NemoProfiles.TryGet(request.Profile ?? string.Empty, out var profile);
        CheckRequest(request, profile, problems);

        var images = new List<ImageInfo>(request.Images?.Count ?? 0);
        foreach (var key in request.Images ?? [])
        {
            var image = await CheckImageAsync(key, profile, problems, cancellationToken).ConfigureAwait(false);
            if (image is not null)
            {
                images.Add(image);
            }
        }

        return problems.Count == 0
            ? StepResults.Ok<IReadOnlyList<ImageInfo>>(images)
            : StepResults.Fail<IReadOnlyList<ImageInfo>>(Failure(problems));
    }

    /// <summary>The terminal validation failure for <paramref name="problems"/>, with a one-paragraph reason.</summary>
    internal static ConversionFailure Failure(IReadOnlyList<ValidationProblem> problems)
    {
        var reason = problems.Count == 1
            ? problems[0].Message
            : string.Create(CultureInfo.InvariantCulture, $"{problems.Count} problems stopped this conversion before any credit was spent: ")
              + string.Join(" ", problems.Select(p => p.Message));
        return new ConversionFailure(ConversionStage.Validate, FailureKind.Terminal, reason, Problems: problems);
    }

    /// <summary>The request-level rules: profile, prompt, image count, name.</summary>
    internal static void CheckRequest(ConversionRequest request, NemoProfile? profile, List<ValidationProblem> problems)
    {
        if (profile is null)
        {
            problems.Add(new("profile", "profile", UnknownProfile(request.Profile)));
        }

        if (CheckPrompt(request.Prompt) is { } promptProblem)
        {
            problems.Add(promptProblem);
        }

        var count = request.Images?.Count ?? 0;
        if (count == 0)
        {
            problems.Add(new("images", "count", "No images were given: a conversion needs at least one."));
        }
        else if (count > ConversionLimits.MaxImages)
        {
            problems.Add(new("images", "count", string.Create(
                CultureInfo.InvariantCulture, $"{count} images were given; a conversion takes at most {ConversionLimits.MaxImages}.")));
        }

        if (!ConversionNames.IsValid(request.Name ?? string.Empty, out var reason))
        {
            problems.Add(new("name", "name", "The output name is not usable: " + reason));
        }
    }

    /// <summary>The prompt rule, or null when the prompt is fine.</summary>
    internal static ValidationProblem? CheckPrompt(string? prompt) =>
        string.IsNullOrWhiteSpace(prompt)
            ? new("prompt", "prompt", "The prompt is empty: say what the video should show.")
            : prompt.Length > ConversionLimits.MaxPromptLength
                ? new("prompt", "prompt", string.Create(
                    CultureInfo.InvariantCulture,
                    $"The prompt is {prompt.Length} characters long; the limit is {ConversionLimits.MaxPromptLength}."))
                : null;

    /// <summary>The message for an unknown profile, listing the five.</summary>
    internal static string UnknownProfile(string? name) =>
        $"Unknown profile '{name}'. Choose one of: {string.Join(", ", NemoProfiles.All.Select(p => p.Name))}.";

    /// <summary>
    /// The size rule's message: the file's size and the limit, in MB, or in bytes when the file is so close to the limit
    /// that both would read the same ("50.0 MB; … up to 50 MB").
    /// </summary>
    internal static string TooLarge(string file, long bytes, NemoProfile profile)
    {
        var size = string.Create(CultureInfo.InvariantCulture, $"{bytes / BytesPerMegabyte:0.0}");
        var limit = string.Create(CultureInfo.InvariantCulture, $"{profile.MaxUploadBytes / BytesPerMegabyte:0.0}");
        return size == limit
            ? string.Create(CultureInfo.InvariantCulture, $"{file} is {bytes:N0} bytes; profile '{profile.Name}' takes files up to {profile.MaxUploadBytes:N0} bytes ({profile.MaxUploadBytes / BytesPerMegabyte:0.#} MB).")
            : string.Create(CultureInfo.InvariantCulture, $"{file} is {size} MB; profile '{profile.Name}' takes files up to {profile.MaxUploadBytes / BytesPerMegabyte:0.#} MB.");
    }

    /// <summary>The format rule's message: what the profile takes and which profiles take this format.</summary>
    internal static string FormatNotAccepted(string file, string format, NemoProfile profile)
    {
        var accepted = ImageSniffer.ImageFormats.Where(profile.Accepts).Select(ImageSniffer.DisplayName);
        var others = NemoProfiles.All.Where(p => p.Accepts(format)).Select(p => p.Name).ToList();
        var elsewhere = others.Count switch
        {
            0 => string.Empty,
            1 => $" The '{others[0]}' profile takes {ImageSniffer.DisplayName(format)}.",
            _ => $" These profiles take {ImageSniffer.DisplayName(format)}: {string.Join(", ", others)}.",
        };
        return $"{file} is a {ImageSniffer.DisplayName(format)} image, which profile '{profile.Name}' does not take: it takes {Join(accepted)}.{elsewhere}";
    }

    /// <summary>The type rule's message: what the content really is.</summary>
    internal static string NotAnImage(string file, SniffResult sniffed) =>
        sniffed.IsOtherImage
            ? $"{file} is not an image Nemo takes: its content is {sniffed.Description}. Use {Join(ImageSniffer.ImageFormats.Select(ImageSniffer.DisplayName))}."
            : $"{file} is not an image: its content is {sniffed.Description}.";

    private static string Join(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list[..^1]) + " or " + list[^1];
    }

    private async Task<ImageInfo?> CheckImageAsync(string key, NemoProfile? profile, List<ValidationProblem> problems, CancellationToken cancellationToken)
    {
        var file = FileNameOf(key);
        MediaInfo? info;
        try
        {
            info = await _store.GetInputInfoAsync(key, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add(new(file, "unreadable", $"{file} cannot be read: {ex.Message}"));
            return null;
        }

        if (info is null)
        {
            problems.Add(new(file, "unreadable", $"{file} cannot be read: it does not exist (or was removed)."));
            return null;
        }

        file = info.FileName;
        if (info.Length == 0)
        {
            problems.Add(new(file, "empty", $"{file} is empty (0 bytes)."));
            return null;
        }

        var valid = true;
        if (profile is not null && info.Length > profile.MaxUploadBytes)
        {
            problems.Add(new(file, "size", TooLarge(file, info.Length, profile)));
            valid = false;
        }

        SniffResult sniffed;
        try
        {
            sniffed = await SniffAsync(key, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add(new(file, "unreadable", $"{file} cannot be read: {ex.Message}"));
            return null;
        }

        if (sniffed.Format is not { } format)
        {
            problems.Add(sniffed.Description.Length == 0
                ? new(file, "empty", $"{file} is empty (0 bytes).")
                : new(file, "type", NotAnImage(file, sniffed)));
            return null;
        }

        if (profile is not null && !profile.Accepts(format))
        {
            problems.Add(new(file, "format", FormatNotAccepted(file, format, profile)));
            valid = false;
        }

        if (valid && await CheckWholeAsync(key, file, format, info.Length, cancellationToken).ConfigureAwait(false) is { } broken)
        {
            problems.Add(broken);
            valid = false;
        }

        return valid ? new ImageInfo(key, info.FileName, format, info.Length) : null;
    }

    /// <summary>Decodes the image (<see cref="ImageIntegrity"/>): a file cut short or damaged is refused before any spend.</summary>
    private async Task<ValidationProblem?> CheckWholeAsync(string key, string file, string format, long length, CancellationToken cancellationToken)
    {
        try
        {
            var stream = await _store.OpenInputAsync(key, cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                if (stream.CanSeek)
                {
                    return ImageIntegrity.Check(stream, file, format, length);
                }

                // The decoders seek: a forward-only store stream is spooled to a temporary file first.
                var spool = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
                await using (spool.ConfigureAwait(false))
                {
                    await stream.CopyToAsync(spool, cancellationToken).ConfigureAwait(false);
                    spool.Position = 0;
                    return ImageIntegrity.Check(spool, file, format, spool.Length);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new(file, "unreadable", $"{file} cannot be read: {ex.Message}");
        }
    }

    private async Task<SniffResult> SniffAsync(string key, CancellationToken cancellationToken)
    {
        var stream = await _store.OpenInputAsync(key, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var header = new byte[ImageSniffer.HeaderLength];
            var read = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            return read == 0 ? new SniffResult(null, string.Empty) : ImageSniffer.Sniff(header.AsSpan(0, read));
        }
    }

    private static string FileNameOf(string key)
    {
        var slash = key.LastIndexOfAny(['/', '\\']);
        return slash < 0 ? key : key[(slash + 1)..];
    }
}
