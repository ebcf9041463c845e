using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;

namespace Nemo.Functions.Storage;

public sealed partial class BlobMediaStore
{
    /// <summary>SAS start times are set this far back, for clock skew between us and the storage service.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>A user delegation key is requested for this much longer than the SAS needs, and reused meanwhile.</summary>
    private static readonly TimeSpan DelegationKeyReuse = TimeSpan.FromHours(1);

    /// <summary>The service's limit on a user delegation key's lifetime.</summary>
    private static readonly TimeSpan MaxDelegationKeyLifetime = TimeSpan.FromDays(7);

    private readonly SemaphoreSlim _keyGate = new(1, 1);
    private UserDelegationKey? _delegationKey;

    /// <inheritdoc />
    /// <remarks>
    /// With a token credential (managed identity): a user-delegation SAS, read-only, for this one blob, HTTPS only,
    /// valid from a few minutes back until <paramref name="lifetime"/> from now; the delegation key is cached and reused.
    /// With a shared-key connection string: a service SAS signed with the account key, except for a loopback endpoint
    /// (Azurite), which Nemo cannot reach, so there is no URL and images are streamed. Also null when the identity may
    /// not get a delegation key (no <c>Storage Blob Delegator</c> role): the upload falls back to streaming.
    /// </remarks>
    public async Task<Uri?> GetInputReadUrlAsync(string key, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);
        if (Resolve(key) is not { } target)
        {
            return null;
        }

        var blob = target.Container.GetBlobClient(target.BlobName);
        var now = _time.GetUtcNow();
        var sas = new BlobSasBuilder(BlobSasPermissions.Read, now + lifetime)
        {
            BlobContainerName = target.Container.Name,
            BlobName = target.BlobName,
            Resource = "b",
            StartsOn = now - ClockSkew,
        };

        if (blob.CanGenerateSasUri)
        {
            if (blob.Uri.IsLoopback)
            {
                return null;
            }

            sas.Protocol = blob.Uri.Scheme == Uri.UriSchemeHttps ? SasProtocol.Https : SasProtocol.HttpsAndHttp;
            return blob.GenerateSasUri(sas);
        }

        UserDelegationKey delegationKey;
        try
        {
            delegationKey = await GetDelegationKeyAsync(now, sas.ExpiresOn, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 403)
        {
            Log.NoDelegationKey(_logger, ex.Status, ex.ErrorCode);
            return null;
        }

        sas.Protocol = SasProtocol.Https;
        return new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(delegationKey, blob.AccountName) }.ToUri();
    }

    private async Task<UserDelegationKey> GetDelegationKeyAsync(DateTimeOffset now, DateTimeOffset sasExpiresOn, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _delegationKey) is { } cached && Covers(cached, now, sasExpiresOn))
        {
            return cached;
        }

        await _keyGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_delegationKey is { } current && Covers(current, now, sasExpiresOn))
            {
                return current;
            }

            var expiresOn = sasExpiresOn + DelegationKeyReuse;
            if (expiresOn - now > MaxDelegationKeyLifetime)
            {
                expiresOn = now + MaxDelegationKeyLifetime;
            }

            var response = await _containers.Service
                .GetUserDelegationKeyAsync(now - ClockSkew, expiresOn, cancellationToken)
                .ConfigureAwait(false);
            Volatile.Write(ref _delegationKey, response.Value);
            return response.Value;
        }
        finally
        {
            _keyGate.Release();
        }
    }

    // A SAS signed with the key must lie within the key's validity.
    private static bool Covers(UserDelegationKey key, DateTimeOffset now, DateTimeOffset sasExpiresOn) =>
        key.SignedStartsOn <= now - ClockSkew && key.SignedExpiresOn >= sasExpiresOn;
}
