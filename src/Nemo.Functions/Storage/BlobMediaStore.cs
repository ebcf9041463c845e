using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Nemo.Conversions;

namespace Nemo.Functions.Storage;

/// <summary>
/// The Azure <see cref="IMediaStore"/> (the blob twin of the local folder store): input keys are blob names in the
/// input container; outputs are block blobs in the output container, written all or nothing; content posted to the API
/// is staged in the state container under <c>staged/</c>, which no trigger watches, and gets a <c>staged:</c> key.
/// Everything streams.
/// </summary>
/// <remarks>
/// A staged key is <c>staged:&lt;32 hex&gt;/&lt;file name&gt;</c>. No input key can look like that: images start
/// conversions only from the container root (no <c>/</c>) and job folder names cannot contain <c>:</c>.
/// </remarks>
public sealed partial class BlobMediaStore : IMediaStore, IDisposable
{
    /// <summary>The prefix of the keys <see cref="StageInputAsync"/> returns.</summary>
    public const string StagedKeyPrefix = "staged:";

    /// <summary>The folder in the state container that holds staged content.</summary>
    public const string StagedFolder = "staged/";

    private readonly BlobContainers _containers;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates a store over <paramref name="service"/>.</summary>
    /// <param name="service">The storage account.</param>
    /// <param name="options">Container names and the block size.</param>
    /// <param name="timeProvider">The clock for read URL lifetimes; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="logger">Logs fallbacks (never a URL or signature).</param>
    public BlobMediaStore(BlobServiceClient service, NemoStorageOptions options, TimeProvider? timeProvider = null, ILogger<BlobMediaStore>? logger = null)
    {
        _containers = new BlobContainers(service, options);
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    public async Task<MediaInfo?> GetInputInfoAsync(string key, CancellationToken cancellationToken = default)
    {
        if (Resolve(key) is not { } target)
        {
            return null;
        }

        var (container, blobName) = target;

        try
        {
            var properties = await container.GetBlobClient(blobName).GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return new MediaInfo(key, FileNameOf(blobName), properties.Value.ContentLength);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <inheritdoc />
    /// <remarks>The stream reads in chunks (never the whole blob at once) and fails if the blob changes while it is read.</remarks>
    public async Task<Stream> OpenInputAsync(string key, CancellationToken cancellationToken = default)
    {
        if (Resolve(key) is not { } target)
        {
            throw new FileNotFoundException($"The input '{key}' does not exist.", key);
        }

        var (container, blobName) = target;

        // The read stream is lazy (nothing is requested until the first read), so existence is checked here, and the
        // version seen is pinned: every chunk is read with If-Match on this ETag.
        var blob = container.GetBlobClient(blobName);
        BlobProperties properties;
        try
        {
            properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            throw new FileNotFoundException($"The input '{key}' does not exist.", key, ex);
        }

        var options = new BlobOpenReadOptions(allowModifications: false)
        {
            Conditions = new BlobRequestConditions { IfMatch = properties.ETag },
        };
        return await blob.OpenReadAsync(options, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Content-addressing as in the folder store would need a server-side copy after hashing; the blob is instead named
    /// <c>staged/&lt;random id&gt;/&lt;file name&gt;</c>. Posting the same bytes twice still starts one conversion (the
    /// API derives the instance id from the content hash); the unused copy is left to the container's lifecycle rule.
    /// The blob appears only once all content is read.
    /// </remarks>
    public async Task<string> StageInputAsync(string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        ArgumentNullException.ThrowIfNull(content);
        var relative = Guid.NewGuid().ToString("N") + "/" + SafeFileName(fileName);
        await _containers.EnsureExistsAsync(_containers.State, cancellationToken).ConfigureAwait(false);
        using var stream = new BlockUploadStream(_containers.State.GetBlockBlobClient(StagedFolder + relative), _containers.BlockSize);
        await content.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
        await stream.CommitAsync(new BlobHttpHeaders { ContentType = ImageContentType(relative) }, metadata: null, cancellationToken).ConfigureAwait(false);
        return StagedKeyPrefix + relative;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Staged as uncommitted blocks and committed in one Put Block List when <paramref name="write"/> returns: until
    /// then an existing output of that name stays as it was, a failure leaves nothing visible, and each output raises
    /// one <c>BlobCreated</c> event. Content type and metadata are set by the commit.
    /// </remarks>
    public async Task<SavedOutput> WriteOutputAsync(
        string name,
        string contentType,
        Func<Stream, CancellationToken, Task> write,
        IReadOnlyDictionary<string, string>? metadata = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        CheckOutputName(name);
        await _containers.EnsureExistsAsync(_containers.Output, cancellationToken).ConfigureAwait(false);
        using var stream = new BlockUploadStream(_containers.Output.GetBlockBlobClient(name), _containers.BlockSize);
        await write(stream, cancellationToken).ConfigureAwait(false);
        await stream.CommitAsync(
            new BlobHttpHeaders { ContentType = contentType },
            metadata is null ? null : new Dictionary<string, string>(metadata, StringComparer.Ordinal),
            cancellationToken).ConfigureAwait(false);
        return new SavedOutput(name, stream.BytesWritten);
    }

    /// <inheritdoc />
    public async Task<string?> ReadOutputTextAsync(string name, CancellationToken cancellationToken = default)
    {
        CheckOutputName(name);
        try
        {
            var download = await _containers.Output.GetBlobClient(name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return download.Value.Content.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Releases the delegation key lock.</summary>
    public void Dispose() => _keyGate.Dispose();

    /// <summary>The container and blob name of an input key, or null when the key cannot name an input.</summary>
    internal (BlobContainerClient Container, string BlobName)? Resolve(string key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return null;
        }

        if (key.StartsWith(StagedKeyPrefix, StringComparison.Ordinal))
        {
            var relative = key[StagedKeyPrefix.Length..];
            var slash = relative.IndexOf('/', StringComparison.Ordinal);
            return slash == 32 && relative[..slash].All(char.IsAsciiHexDigitLower) && IsSafeName(relative[(slash + 1)..], allowFolders: false)
                ? (_containers.State, StagedFolder + relative)
                : null;
        }

        return IsSafeName(key, allowFolders: true) ? (_containers.Input, key) : null;
    }

    private static void CheckOutputName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!IsSafeName(name, allowFolders: true))
        {
            throw new ArgumentException($"'{name}' is not a valid output name.", nameof(name));
        }
    }

    // The folder store's rules: '/'-separated, no empty, '.' or '..' segment, no backslash or control character.
    // Blob URLs would otherwise collapse '..' and reach blobs outside the intended folder.
    private static bool IsSafeName(string name, bool allowFolders) =>
        name.Length is > 0 and <= 1024
        && !name.Contains('\\', StringComparison.Ordinal)
        && !name.Any(char.IsControl)
        && (allowFolders || !name.Contains('/', StringComparison.Ordinal))
        && name.Split('/').All(segment => segment.Length > 0 && segment is not ("." or ".."));

    private static string FileNameOf(string blobName) => blobName[(blobName.LastIndexOf('/') + 1)..];

    private static string SafeFileName(string fileName)
    {
        var name = FileNameOf(fileName.Replace('\\', '/'));
        var invalid = Path.GetInvalidFileNameChars();
        name = new string([.. name.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c)]);
        return name is "" or "." or ".." ? "upload" : name;
    }

    private static string? ImageContentType(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".jpg" or ".jpeg" => "image/jpeg",
        ".png" => "image/png",
        ".gif" => "image/gif",
        ".webp" => "image/webp",
        ".heic" => "image/heic",
        ".heif" => "image/heif",
        _ => null,
    };
}
