using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Nemo.Conversions;

namespace Nemo.Functions.Storage;

/// <summary>
/// The Azure <see cref="ISpendLedger"/>: one blob per key under <c>ledger/</c> in the state container, holding the holder,
/// created with <c>If-None-Match: *</c> (the blob twin of the folder ledger's <see cref="FileMode.CreateNew"/>): of any
/// number of concurrent or repeated claims across all instances exactly one succeeds. A Put Blob is atomic, so a claim
/// is never read back torn.
/// </summary>
public sealed class BlobSpendLedger : ISpendLedger
{
    /// <summary>The folder in the state container that holds the claims.</summary>
    public const string Folder = "ledger/";

    private readonly BlobContainers _containers;

    /// <summary>Creates a ledger in the state container of <paramref name="service"/>.</summary>
    /// <param name="service">The storage account.</param>
    /// <param name="options">The container names.</param>
    public BlobSpendLedger(BlobServiceClient service, NemoStorageOptions options) =>
        _containers = new BlobContainers(service, options);

    /// <inheritdoc />
    /// <remarks>
    /// The caller's token can stop the claim before it is sent; once sent it is not cancelled, so a claim the service
    /// recorded is never reported as not made.
    /// </remarks>
    public async Task<LedgerClaim> ClaimAsync(string key, string holder, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(holder);
        await _containers.EnsureExistsAsync(_containers.State, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();

        // Keys may hold any characters; the blob name is their hash.
        var blob = _containers.State.GetBlobClient(BlobNameOf(key));
        var options = new BlobUploadOptions
        {
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            HttpHeaders = new BlobHttpHeaders { ContentType = "text/plain; charset=utf-8" },
        };
        try
        {
            await blob.UploadAsync(BinaryData.FromString(holder), options, CancellationToken.None).ConfigureAwait(false);
            return new LedgerClaim(holder, IsNew: true);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412 || ex.ErrorCode == BlobErrorCode.BlobAlreadyExists)
        {
            var existing = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return new LedgerClaim(existing.Value.Content.ToString(), IsNew: false);
        }
    }

    /// <summary>The blob holding <paramref name="key"/>'s claim.</summary>
    internal static string BlobNameOf(string key) =>
        Folder + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))) + ".spend";
}
