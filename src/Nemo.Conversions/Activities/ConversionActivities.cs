using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nemo.Client;

namespace Nemo.Conversions;

/// <summary>
/// The conversion's activities: every call to Nemo and the media store, one method per
/// <see cref="ConversionActivityNames"/> entry. Nemo errors never throw out of them: they come back as a
/// <see cref="ConversionFailure"/> (plain reason, no token, no signed URL, no body) and the orchestration decides.
/// Only faults outside Nemo (the store, the event sink) throw, for the runtime's retry policy.
/// </summary>
public sealed partial class ConversionActivities
{
    private readonly NemoClient _client;
    private readonly IMediaStore _store;
    private readonly ISpendLedger _ledger;
    private readonly IConversionEventSink _events;
    private readonly ConversionValidator _validator;
    private readonly ConversionPipelineOptions _options;
    private readonly ILogger<ConversionActivities> _logger;

    /// <summary>Creates the activities (resolved from the host's container).</summary>
    public ConversionActivities(
        NemoClient client,
        IMediaStore store,
        ISpendLedger ledger,
        IConversionEventSink events,
        ConversionValidator validator,
        IOptions<ConversionPipelineOptions> options,
        TimeProvider timeProvider,
        ILogger<ConversionActivities> logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _client = client;
        _store = store;
        _ledger = ledger;
        _events = events;
        _validator = validator;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary><see cref="ConversionActivityNames.Validate"/>: checks the request and its images before any credit is spent.</summary>
    public Task<StepResult<IReadOnlyList<ImageInfo>>> ValidateAsync(ConversionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _validator.ValidateAsync(request, cancellationToken);
    }

    /// <summary><see cref="ConversionActivityNames.GetCredits"/>: the balance, or null when Nemo could not be asked.</summary>
    public async Task<CreditsSnapshot?> GetCreditsAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var credits = await _client.GetCreditsAsync(cancellationToken).ConfigureAwait(false);
            return new CreditsSnapshot(credits.Available, credits.Frozen, credits.Total);
        }
        catch (NemoApiException ex)
        {
            Log.CreditsUnavailable(_logger, ex.NemoCode, (int?)ex.StatusCode);
            return null;
        }
    }

    /// <summary><see cref="ConversionActivityNames.CreateSession"/>: a new Nemo session.</summary>
    public async Task<StepResult<SessionRef>> CreateSessionAsync(CreateSessionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            var session = await For(input.Profile).CreateSessionAsync(input.Language, cancellationToken).ConfigureAwait(false);
            Log.SessionCreated(_logger, session.SessionId);
            return StepResults.Ok(new SessionRef(session.SessionId, string.IsNullOrEmpty(session.TaskId) ? null : session.TaskId));
        }
        catch (NemoApiException ex)
        {
            return Fail<SessionRef>(ConversionStage.Session, ex);
        }
    }

    /// <summary>
    /// <see cref="ConversionActivityNames.UploadImages"/>: by short-lived read URL when the store gives one for every
    /// image (no bytes through this process), otherwise streamed as multipart from the store.
    /// </summary>
    public async Task<StepResult<UploadSummary>> UploadImagesAsync(UploadImagesInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var client = For(input.Profile);
        try
        {
            var urls = await ReadUrlsAsync(input.Images, cancellationToken).ConfigureAwait(false);
            if (urls is not null)
            {
                var byUrl = await client.UploadFromUrlsAsync(input.SessionId, urls, cancellationToken).ConfigureAwait(false);
                Log.Uploaded(_logger, byUrl.Files.Count, true);
                return StepResults.Ok(new UploadSummary(byUrl.Files.Count, ByUrl: true));
            }

            var streams = new List<Stream>(input.Images.Count);
            try
            {
                var files = new List<UploadFile>(input.Images.Count);
                foreach (var image in input.Images)
                {
                    var stream = await _store.OpenInputAsync(image.Key, cancellationToken).ConfigureAwait(false);
                    streams.Add(stream);
                    files.Add(new UploadFile(image.FileName, stream, ContentType(image.Format)));
                }

                var streamed = await client.UploadAsync(input.SessionId, files, cancellationToken).ConfigureAwait(false);
                Log.Uploaded(_logger, streamed.Files.Count, false);
                return StepResults.Ok(new UploadSummary(streamed.Files.Count, ByUrl: false));
            }
            finally
            {
                foreach (var stream in streams)
                {
                    await stream.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
        catch (NemoApiException ex)
        {
            return Fail<UploadSummary>(ConversionStage.Upload, ex);
        }
    }

    private async Task<List<Uri>?> ReadUrlsAsync(IReadOnlyList<ImageInfo> images, CancellationToken cancellationToken)
    {
        var urls = new List<Uri>(images.Count);
        foreach (var image in images)
        {
            var url = await _store.GetInputReadUrlAsync(image.Key, _options.ReadUrlLifetime, cancellationToken).ConfigureAwait(false);
            if (url is null)
            {
                return null;
            }

            urls.Add(url);
        }

        return urls.Count > 0 ? urls : null;
    }

    private static string? ContentType(string format) => format.ToLowerInvariant() switch
    {
        "jpg" or "jpeg" => "image/jpeg",
        "png" => "image/png",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "heic" => "image/heic",
        _ => null,
    };

    private NemoClient For(string profile) => _client.WithProfile(NemoProfiles.Get(profile));

    private StepResult<T> Fail<T>(ConversionStage stage, NemoApiException exception)
    {
        var failure = ConversionFailures.From(stage, exception);
        Log.StepFailed(_logger, stage, failure.Kind, failure.NemoCode, failure.HttpStatus);
        return StepResults.Fail<T>(failure);
    }
}
