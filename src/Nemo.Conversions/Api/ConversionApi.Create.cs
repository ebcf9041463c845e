using System.Globalization;
using System.Net;
using System.Text.Json;
using Nemo.Client;

namespace Nemo.Conversions;

public sealed partial class ConversionApi
{
    private const double BytesPerMegabyte = 1024 * 1024;

    /// <summary>
    /// <c>POST /api/conversions</c> with JSON: fetches each image URL into the store (streamed, stopped at the profile's
    /// size limit), checks the images by content and schedules the conversion. 202 with <c>Location</c> and the resource;
    /// the same request again (or the same <paramref name="idempotencyKey"/> with the same request) answers with the same
    /// conversion. 400 for an invalid body, 413 for an image over the limit, 422 for an unreachable URL, an unusable image
    /// or an <c>Idempotency-Key</c> first used for a different request.
    /// </summary>
    public async Task<ApiResponse> CreateAsync(CreateConversionBody body, string? idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var problems = CheckFields(body);
        var urls = CheckUrls(body.Images, problems);
        if (problems.Count > 0)
        {
            return ApiProblems.Validation(400, ConversionValidator.Failure(problems).Reason, problems);
        }

        var fingerprint = Fingerprint(body, urls.Select(u => u.AbsoluteUri));
        if (await RepeatAsync(idempotencyKey, fingerprint, cancellationToken).ConfigureAwait(false) is { } repeat)
        {
            return repeat;
        }

        NemoProfiles.TryGet(body.Profile ?? NemoProfiles.Default.Name, out var profile);
        var staged = new List<StagedImage>(urls.Count);
        var client = _httpClientFactory.CreateClient(ImportClientName);
        foreach (var url in urls)
        {
            var (image, failure) = await ImportAsync(client, url, staged.Count, profile!, cancellationToken).ConfigureAwait(false);
            if (failure is not null)
            {
                return failure;
            }

            staged.Add(image!);
        }

        return await ScheduleAsync(body, staged, idempotencyKey, fingerprint, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>POST /api/conversions</c> as <c>multipart/form-data</c>, from the host's parsed form: reads the JSON
    /// <c>options</c> field (400 when it is not JSON), opens the file parts one by one and goes on as
    /// <see cref="CreateFromUploadAsync"/>; every part opened is disposed.
    /// </summary>
    public async Task<ApiResponse> CreateFromFormAsync(FormUpload form, string? idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        ConversionOptions? options = null;
        if (!string.IsNullOrWhiteSpace(form.OptionsJson))
        {
            try
            {
                options = JsonSerializer.Deserialize<ConversionOptions>(form.OptionsJson, ConversionJson.Options);
            }
            catch (JsonException ex)
            {
                return InvalidBody("The 'options' field must be JSON: " + ex.Message);
            }
        }

        var fields = new CreateConversionBody(null, form.Prompt, form.Profile, options, form.Name);
        var uploads = new List<UploadedImage>(form.Files.Count);
        try
        {
            foreach (var file in form.Files)
            {
                uploads.Add(new UploadedImage(file.FileName, file.Open()));
            }

            return await CreateFromUploadAsync(uploads, fields, idempotencyKey, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var upload in uploads)
            {
                await upload.Content.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// <c>POST /api/conversions</c> as <c>multipart/form-data</c>: the host parsed the parts; each file is streamed into
    /// the store (never buffered, stopped at the size limit) and the rules of <see cref="CreateAsync"/> apply.
    /// <see cref="CreateConversionBody.Images"/> in <paramref name="fields"/> is ignored.
    /// </summary>
    public async Task<ApiResponse> CreateFromUploadAsync(
        IReadOnlyList<UploadedImage> files,
        CreateConversionBody fields,
        string? idempotencyKey,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(fields);
        var problems = CheckFields(fields);
        CheckCount(files.Count, problems);
        if (problems.Count > 0)
        {
            return ApiProblems.Validation(400, ConversionValidator.Failure(problems).Reason, problems);
        }

        NemoProfiles.TryGet(fields.Profile ?? NemoProfiles.Default.Name, out var profile);
        var repeated = await ExistingAsync(idempotencyKey, cancellationToken).ConfigureAwait(false);
        var staged = new List<StagedImage>(files.Count);
        foreach (var file in files)
        {
            var fileName = SafeFileName(file.FileName, staged.Count);
            try
            {
                // A repeat's files are only read for their hashes (to tell it from another request under the same key).
                staged.Add(repeated is null
                    ? await StageAsync(fileName, file.Content, profile!, cancellationToken).ConfigureAwait(false)
                    : await HashAsync(fileName, file.Content, profile!, cancellationToken).ConfigureAwait(false));
            }
            catch (ImportLimitExceededException)
            {
                return ApiProblems.TooLarge(TooLarge(fileName, profile!));
            }
        }

        var fingerprint = Fingerprint(fields, staged.Select(s => s.FileName + ":" + s.Sha256));
        if (repeated is not null)
        {
            return await SameRequestAsync(idempotencyKey!, fingerprint, cancellationToken).ConfigureAwait(false) ? repeated : ApiProblems.IdempotencyKeyReused(idempotencyKey!);
        }

        return await ScheduleAsync(fields, staged, idempotencyKey, fingerprint, cancellationToken).ConfigureAwait(false);
    }

    private static List<ValidationProblem> CheckFields(CreateConversionBody body)
    {
        var problems = new List<ValidationProblem>();
        if (body.Profile is not null && !NemoProfiles.TryGet(body.Profile, out _))
        {
            problems.Add(new("profile", "profile", ConversionValidator.UnknownProfile(body.Profile)));
        }

        if (ConversionValidator.CheckPrompt(body.Prompt) is { } prompt)
        {
            problems.Add(prompt);
        }

        if (body.Name is not null && !ConversionNames.IsValid(body.Name, out var reason))
        {
            problems.Add(new("name", "name", "The output name is not usable: " + reason));
        }

        if (body.Options?.DurationSeconds is { } seconds and (< 1 or > ConversionLimits.MaxDurationSeconds))
        {
            problems.Add(new("options", "options", string.Create(
                CultureInfo.InvariantCulture,
                $"options.durationSeconds is {seconds}; give a duration from 1 to {ConversionLimits.MaxDurationSeconds} seconds.")));
        }

        if (body.Options is { } options && string.IsNullOrWhiteSpace(options.Language))
        {
            problems.Add(new("options", "options", "options.language is empty; give a language code such as 'en'."));
        }

        return problems;
    }

    private static void CheckCount(int count, List<ValidationProblem> problems)
    {
        if (count == 0)
        {
            problems.Add(new("images", "count", "No images were given: a conversion needs at least one."));
        }
        else if (count > ConversionLimits.MaxImages)
        {
            problems.Add(new("images", "count", string.Create(
                CultureInfo.InvariantCulture, $"{count} images were given; a conversion takes at most {ConversionLimits.MaxImages}.")));
        }
    }

    private static List<Uri> CheckUrls(IReadOnlyList<string>? images, List<ValidationProblem> problems)
    {
        CheckCount(images?.Count ?? 0, problems);
        var urls = new List<Uri>();
        for (var i = 0; i < (images?.Count ?? 0); i++)
        {
            var text = images![i];
            if (Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
            {
                urls.Add(url);
            }
            else
            {
                var field = string.Create(CultureInfo.InvariantCulture, $"images[{i}]");
                // At most 100 characters of what the client sent come back.
                problems.Add(new(field, "url", $"{field} is not an http or https URL: '{TextClip.Clip(text, 100)}'."));
            }
        }

        return urls;
    }

    /// <summary>
    /// The answer to a repeat under <paramref name="idempotencyKey"/>: the conversion it started, or 422 when the key was
    /// first used for another request; null when the key starts nothing yet.
    /// </summary>
    private async Task<ApiResponse?> RepeatAsync(string? idempotencyKey, string fingerprint, CancellationToken cancellationToken)
    {
        if (await ExistingAsync(idempotencyKey, cancellationToken).ConfigureAwait(false) is not { } existing)
        {
            return null;
        }

        return await SameRequestAsync(idempotencyKey!, fingerprint, cancellationToken).ConfigureAwait(false)
            ? existing
            : ApiProblems.IdempotencyKeyReused(idempotencyKey!);
    }

    /// <summary>
    /// Records <paramref name="fingerprint"/> as the request <paramref name="idempotencyKey"/> stands for, unless one is
    /// recorded; true when the recorded one is this (the IETF Idempotency-Key draft: a key reused with another payload
    /// is refused).
    /// </summary>
    private async Task<bool> SameRequestAsync(string idempotencyKey, string fingerprint, CancellationToken cancellationToken)
    {
        var claim = await _ledger.ClaimAsync("idempotency-key/" + idempotencyKey, fingerprint, cancellationToken).ConfigureAwait(false);
        return claim.IsNew || string.Equals(claim.Holder, fingerprint, StringComparison.Ordinal);
    }

    private static string Fingerprint(CreateConversionBody fields, IEnumerable<string> images) =>
        InstanceIds.ForRequest([
            .. images,
            fields.Prompt ?? string.Empty,
            fields.Profile ?? NemoProfiles.Default.Name,
            fields.Options is null ? string.Empty : JsonSerializer.Serialize(fields.Options, ConversionJson.Compact),
            fields.Name ?? string.Empty]);

    private async Task<ApiResponse?> ExistingAsync(string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(idempotencyKey))
        {
            return null;
        }

        // A repeat with the same key answers with the conversion it started, without fetching the images again.
        var id = InstanceIds.ForIdempotencyKey(idempotencyKey);
        var instance = await _scheduler.GetAsync(id, cancellationToken).ConfigureAwait(false);
        return instance is null ? null : Accepted(ConversionResources.From(instance));
    }

    private async Task<(StagedImage? Image, ApiResponse? Failure)> ImportAsync(
        HttpClient client, Uri url, int index, NemoProfile profile, CancellationToken cancellationToken)
    {
        // Messages name the URL without its query, so a signed URL's token is never echoed.
        var shown = url.GetLeftPart(UriPartial.Path);
        HttpResponseMessage response;
        try
        {
            response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            return (null, ApiProblems.ImportFailed($"{shown} could not be fetched: {ex.Message}"));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, ApiProblems.ImportFailed($"{shown} could not be fetched: the server did not answer in time."));
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                return (null, ApiProblems.ImportFailed(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{shown} could not be fetched: the server answered {(int)response.StatusCode} {Reason(response.StatusCode)}.")));
            }

            if (response.Content.Headers.ContentLength is { } length && length > profile.MaxUploadBytes)
            {
                return (null, ApiProblems.TooLarge(TooLarge(shown, profile)));
            }

            var fileName = SafeFileName(
                response.Content.Headers.ContentDisposition?.FileNameStar
                ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"')
                ?? Uri.UnescapeDataString(url.AbsolutePath),
                index);
            try
            {
                var content = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                await using (content.ConfigureAwait(false))
                {
                    return (await StageAsync(fileName, content, profile, cancellationToken).ConfigureAwait(false), null);
                }
            }
            catch (ImportLimitExceededException)
            {
                return (null, ApiProblems.TooLarge(TooLarge(shown, profile)));
            }
            catch (HttpRequestException ex)
            {
                return (null, ApiProblems.ImportFailed($"{shown} could not be fetched completely: {ex.Message}"));
            }
        }
    }

    private async Task<StagedImage> StageAsync(string fileName, Stream content, NemoProfile profile, CancellationToken cancellationToken)
    {
        using var counted = new ImportStream(content, profile.MaxUploadBytes);
        var key = await _store.StageInputAsync(fileName, counted, cancellationToken).ConfigureAwait(false);
        return new StagedImage(key, fileName, counted.HashHex());
    }

    private static async Task<StagedImage> HashAsync(string fileName, Stream content, NemoProfile profile, CancellationToken cancellationToken)
    {
        using var counted = new ImportStream(content, profile.MaxUploadBytes);
        await counted.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        return new StagedImage(string.Empty, fileName, counted.HashHex());
    }

    private async Task<ApiResponse> ScheduleAsync(
        CreateConversionBody body, List<StagedImage> staged, string? idempotencyKey, string fingerprint, CancellationToken cancellationToken)
    {
        var request = new ConversionRequest(
            body.Name ?? ConversionNames.FromFileName(staged[0].FileName),
            [.. staged.Select(s => s.Key)],
            body.Prompt!,
            NemoProfiles.TryGet(body.Profile ?? NemoProfiles.Default.Name, out var profile) ? profile.Name : NemoProfiles.Default.Name,
            body.Options);

        // Content checks now, so a PDF behind a .jpg name is a 422 rather than a conversion that fails later.
        var validation = await new ConversionValidator(_store).ValidateAsync(request, cancellationToken).ConfigureAwait(false);
        if (validation.Failure is { } failure)
        {
            return ApiProblems.Validation(422, failure.Reason, failure.Problems ?? []);
        }

        // The key stands for this request from now on (a request refused above did not use it up).
        if (!string.IsNullOrEmpty(idempotencyKey) && !await SameRequestAsync(idempotencyKey, fingerprint, cancellationToken).ConfigureAwait(false))
        {
            return ApiProblems.IdempotencyKeyReused(idempotencyKey);
        }

        var id = string.IsNullOrEmpty(idempotencyKey)
            ? InstanceIds.ForContent([
                .. staged.Select(s => s.Sha256),
                request.Prompt,
                request.Profile,
                body.Options is null ? string.Empty : JsonSerializer.Serialize(body.Options, ConversionJson.Compact),
                request.Name])
            : InstanceIds.ForIdempotencyKey(idempotencyKey);
        await _scheduler.ScheduleAsync(ConversionWorkflow.Conversion, id, request, cancellationToken).ConfigureAwait(false);
        var instance = await _scheduler.GetAsync(id, cancellationToken).ConfigureAwait(false);
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        return Accepted(instance is null
            ? new ConversionResource { Id = id, Status = ConversionResourceStatus.Pending, CreatedAt = now, LastUpdatedAt = now }
            : ConversionResources.From(instance));
    }

    private static ApiResponse Accepted(ConversionResource resource) => new(202, resource, ApiProblems.Path(resource.Id));

    private static string TooLarge(string what, NemoProfile profile) => string.Create(
        CultureInfo.InvariantCulture,
        $"{what} is larger than {profile.MaxUploadBytes / BytesPerMegabyte:0.#} MB, the most profile '{profile.Name}' takes.");

    private static string Reason(HttpStatusCode status) => status switch
    {
        HttpStatusCode.NotFound => "Not Found",
        HttpStatusCode.Forbidden => "Forbidden",
        HttpStatusCode.Unauthorized => "Unauthorized",
        _ => status.ToString(),
    };

    private static string SafeFileName(string? name, int index)
    {
        var last = (name ?? string.Empty).Split('/', '\\')[^1].Trim();
        return last.Length == 0 || last is "." or ".." || last.Any(char.IsControl)
            ? string.Create(CultureInfo.InvariantCulture, $"image-{index + 1}")
            : last;
    }

    private sealed record StagedImage(string Key, string FileName, string Sha256);
}
