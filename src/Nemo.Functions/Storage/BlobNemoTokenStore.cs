using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Nemo.Client;

namespace Nemo.Functions.Storage;

/// <summary>
/// Keeps the anonymous Nemo token (with its client id) in the private state container, <c>nemo/anonymous-token.json</c>,
/// so every instance of the app shares one token instead of acquiring one per cold start. The token never appears in
/// logs or exception messages; a blob that cannot be read is treated as absent, as the file store does.
/// </summary>
public sealed class BlobNemoTokenStore : INemoTokenStore
{
    /// <summary>The blob in the state container.</summary>
    public const string BlobName = "nemo/anonymous-token.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private readonly BlobContainers _containers;
    private readonly ILogger _logger;

    /// <summary>Creates a store in the state container of <paramref name="service"/>.</summary>
    /// <param name="service">The storage account.</param>
    /// <param name="options">The container names.</param>
    /// <param name="logger">Logs unreadable or unwritable blobs (never the token).</param>
    public BlobNemoTokenStore(BlobServiceClient service, NemoStorageOptions options, ILogger<BlobNemoTokenStore>? logger = null)
    {
        _containers = new BlobContainers(service, options);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    public async ValueTask<NemoAccessToken?> LoadAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var download = await _containers.State.GetBlobClient(BlobName).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            var stored = download.Value.Content.ToObjectFromJson<StoredToken>(Json);
            return stored is { Token.Length: > 0 }
                ? new NemoAccessToken(stored.Token, stored.IsAnonymous, stored.UserId, stored.ExpiresAt, stored.ClientId)
                : null;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
        catch (RequestFailedException ex)
        {
            // Without read access a fresh token is acquired; the failure is logged so the role can be fixed.
            Log.TokenUnreadable(_logger, ex.Status, ex.ErrorCode);
            return null;
        }
        catch (JsonException)
        {
            Log.TokenUnreadable(_logger, 0, "invalid JSON");
            return null;
        }
    }

    /// <inheritdoc />
    /// <exception cref="IOException">The blob could not be written (the token source logs this and keeps the token).</exception>
    public async ValueTask SaveAsync(NemoAccessToken token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        var stored = new StoredToken(token.Value, token.ClientId, token.UserId, token.ExpiresAt, token.IsAnonymous);
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } };
        try
        {
            await _containers.EnsureExistsAsync(_containers.State, cancellationToken).ConfigureAwait(false);
            await _containers.State.GetBlobClient(BlobName)
                .UploadAsync(BinaryData.FromObjectAsJson(stored, Json), options, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (RequestFailedException ex)
        {
            // IOException is what AnonymousNemoTokenSource treats as "could not persist"; the message names no secret.
            throw new IOException($"The Nemo token could not be saved to blob '{BlobName}' (HTTP {ex.Status}, {ex.ErrorCode}).", ex);
        }
    }

    /// <summary>Describes the store (the container and blob, never the token).</summary>
    public override string ToString() => $"BlobNemoTokenStore({_containers.State.Name}/{BlobName})";

    private sealed record StoredToken(string Token, string? ClientId, string? UserId, DateTimeOffset? ExpiresAt, bool IsAnonymous);
}
