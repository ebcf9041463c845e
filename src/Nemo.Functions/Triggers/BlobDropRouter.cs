using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Nemo.Conversions;

namespace Nemo.Functions.Triggers;

/// <summary>
/// The blob trigger's decisions, the same rules as the local watcher: an image at the container root starts one
/// conversion (instance id from container, name and ETag); a job folder's <c>job.json</c> starts a batch (instance id
/// from the folder and the manifest's content); anything else is ignored with a log line. Scheduling is idempotent by
/// instance id, so a second event for the same blob version starts nothing.
/// </summary>
public sealed class BlobDropRouter
{
    /// <summary>The largest <c>job.json</c> read; a manifest lists files, it does not hold them.</summary>
    public const long MaxManifestBytes = 1024 * 1024;

    private static readonly HashSet<string> ImageExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".jpg", ".jpeg", ".png", ".gif", ".webp", ".heic", ".heif",
    };

    private readonly IMediaStore _store;
    private readonly BlobTriggerOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates the router.</summary>
    /// <param name="store">Reads manifests from the input container.</param>
    /// <param name="options">The prompt and profile for single images.</param>
    /// <param name="logger">One line per blob: started, already started, ignored or rejected.</param>
    public BlobDropRouter(IMediaStore store, IOptions<BlobTriggerOptions> options, ILogger<BlobDropRouter>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _options = options.Value;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>What <paramref name="blobName"/> is, by its name alone.</summary>
    public static BlobDropKind Classify(string blobName)
    {
        ArgumentNullException.ThrowIfNull(blobName);
        var segments = blobName.Split('/');
        if (segments.Any(s => s.Length == 0 || s.StartsWith('.') || s.StartsWith('~')))
        {
            return BlobDropKind.Ignored;
        }

        return segments.Length switch
        {
            1 when ImageExtensions.Contains(Path.GetExtension(blobName)) => BlobDropKind.Image,
            2 when segments[1] == JobManifest.FileName => BlobDropKind.JobManifest,
            _ => BlobDropKind.Ignored,
        };
    }

    /// <summary>Starts what <paramref name="blobName"/> calls for, through <paramref name="scheduler"/>.</summary>
    /// <param name="scheduler">Starts instances (idempotent by id).</param>
    /// <param name="container">The input container's name (part of the instance id).</param>
    /// <param name="blobName">The blob's name in the container.</param>
    /// <param name="readETag">Reads the blob's current ETag; null when the blob is gone. Called for images only.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>What was done.</returns>
    public async Task<BlobDropOutcome> RouteAsync(
        IConversionScheduler scheduler,
        string container,
        string blobName,
        Func<CancellationToken, Task<string?>> readETag,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(container);
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        ArgumentNullException.ThrowIfNull(readETag);
        switch (Classify(blobName))
        {
            case BlobDropKind.Image:
                return await StartImageAsync(scheduler, container, blobName, readETag, cancellationToken).ConfigureAwait(false);
            case BlobDropKind.JobManifest:
                return await StartBatchAsync(scheduler, container, blobName, cancellationToken).ConfigureAwait(false);
            default:
                const string reason = "not an image at the container root nor a job folder's job.json";
                Log.DropIgnored(_logger, blobName, reason);
                return new BlobDropOutcome(BlobDropKind.Ignored, null, false, reason);
        }
    }

    private async Task<BlobDropOutcome> StartImageAsync(
        IConversionScheduler scheduler, string container, string blobName, Func<CancellationToken, Task<string?>> readETag, CancellationToken cancellationToken)
    {
        var eTag = await readETag(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(eTag))
        {
            return Gone(BlobDropKind.Image, blobName);
        }

        var request = new ConversionRequest(ConversionNames.FromFileName(blobName), [blobName], _options.Prompt, _options.Profile);
        var instanceId = InstanceIds.ForSource(container, blobName, eTag);
        var started = await scheduler.ScheduleAsync(ConversionWorkflow.Conversion, instanceId, request, cancellationToken).ConfigureAwait(false);
        Log.DropStarted(_logger, "image", blobName, instanceId, started);
        return new BlobDropOutcome(BlobDropKind.Image, instanceId, started);
    }

    private async Task<BlobDropOutcome> StartBatchAsync(IConversionScheduler scheduler, string container, string manifestName, CancellationToken cancellationToken)
    {
        var jobName = manifestName[..manifestName.IndexOf('/', StringComparison.Ordinal)];
        var (json, tooLarge) = await ReadManifestAsync(manifestName, cancellationToken).ConfigureAwait(false);
        if (tooLarge is not null)
        {
            return await RefuseAsync(jobName, manifestName, tooLarge, cancellationToken).ConfigureAwait(false);
        }

        if (json is null)
        {
            return Gone(BlobDropKind.JobManifest, manifestName);
        }

        var parsed = JobManifest.Parse(json, jobName, jobName, _options.MaxItemsPerJob);
        if (!parsed.Succeeded || parsed.Value is null)
        {
            return await RefuseAsync(jobName, manifestName, parsed.Failure?.Reason ?? "invalid manifest", cancellationToken).ConfigureAwait(false);
        }

        // As in the local watcher: the folder and the manifest's content are the identity, so the same job.json written
        // again is one batch, and a corrected one is a new batch.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(jobName + "\n" + json)));
        var instanceId = InstanceIds.ForBatch(container, jobName, hash);
        var started = await scheduler.ScheduleAsync(ConversionWorkflow.Batch, instanceId, parsed.Value, cancellationToken).ConfigureAwait(false);
        Log.DropStarted(_logger, "batch", manifestName, instanceId, started);
        return new BlobDropOutcome(BlobDropKind.JobManifest, instanceId, started);
    }

    // The manifest's text (null when it is gone), or why it was not read.
    private async Task<(string? Json, string? TooLarge)> ReadManifestAsync(string manifestName, CancellationToken cancellationToken)
    {
        var info = await _store.GetInputInfoAsync(manifestName, cancellationToken).ConfigureAwait(false);
        if (info is null)
        {
            return (null, null);
        }

        if (info.Length > MaxManifestBytes)
        {
            return (null, string.Create(CultureInfo.InvariantCulture, $"{manifestName} is {info.Length} bytes; a manifest is at most {MaxManifestBytes} bytes."));
        }

        try
        {
            var stream = await _store.OpenInputAsync(manifestName, cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                using var reader = new StreamReader(stream, Encoding.UTF8);
                return (await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false), null);
            }
        }
        catch (FileNotFoundException)
        {
            return (null, null);
        }
    }

    /// <summary>A job refused before it starts: the output gets <c>&lt;job&gt;/summary.json</c> saying why.</summary>
    private async Task<BlobDropOutcome> RefuseAsync(string jobName, string manifestName, string reason, CancellationToken cancellationToken)
    {
        try
        {
            await BatchSummaries.WriteRefusalAsync(_store, jobName, reason, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or Azure.RequestFailedException)
        {
            Log.DropRejected(_logger, manifestName, "the refusal could not be written: " + ex.Message);
        }

        return Rejected(manifestName, reason);
    }

    private BlobDropOutcome Rejected(string manifestName, string reason)
    {
        Log.DropRejected(_logger, manifestName, reason);
        return new BlobDropOutcome(BlobDropKind.JobManifest, null, false, reason);
    }

    private BlobDropOutcome Gone(BlobDropKind kind, string blobName)
    {
        const string reason = "the blob no longer exists";
        Log.DropIgnored(_logger, blobName, reason);
        return new BlobDropOutcome(kind, null, false, reason);
    }
}
