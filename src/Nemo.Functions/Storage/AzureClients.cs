using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace Nemo.Functions.Storage;

/// <summary>
/// The app's Azure identity and storage account client, built once from <see cref="NemoStorageOptions"/>: a connection
/// string (Azurite, or an account key) or the blob endpoint with <see cref="DefaultAzureCredential"/> (the managed
/// identity in Azure, the developer's sign-in locally). The credential is created only when something needs it.
/// </summary>
internal sealed class AzureClients
{
    private readonly Lazy<TokenCredential> _credential;
    private readonly Lazy<BlobServiceClient> _blobs;

    public AzureClients(IOptions<NemoStorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var storage = options.Value;
        _credential = new Lazy<TokenCredential>(() => CreateCredential(storage.ManagedIdentityClientId));
        _blobs = new Lazy<BlobServiceClient>(() => string.IsNullOrWhiteSpace(storage.ConnectionString)
            ? new BlobServiceClient(storage.BlobServiceUri!, _credential.Value)
            : new BlobServiceClient(storage.ConnectionString));
    }

    /// <summary>The app's identity, for the blob endpoint and the Event Grid topic.</summary>
    public TokenCredential Credential => _credential.Value;

    /// <summary>The storage account.</summary>
    public BlobServiceClient Blobs => _blobs.Value;

    private static DefaultAzureCredential CreateCredential(string? managedIdentityClientId) =>
        string.IsNullOrWhiteSpace(managedIdentityClientId)
            ? new DefaultAzureCredential()
            : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = managedIdentityClientId });
}
