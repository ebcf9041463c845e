using System.Collections.Concurrent;
using Azure.Storage.Blobs;

namespace Nemo.Functions.Storage;

/// <summary>
/// The account and the three containers, shared by the store, the ledger and the token store. Containers a component
/// writes to are created on first use (once per process), so Azurite and a fresh account need no setup step.
/// </summary>
internal sealed class BlobContainers
{
    private readonly ConcurrentDictionary<string, bool> _ensured = new(StringComparer.Ordinal);

    public BlobContainers(BlobServiceClient service, NemoStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        Service = service;
        Input = service.GetBlobContainerClient(options.InputContainer);
        Output = service.GetBlobContainerClient(options.OutputContainer);
        State = service.GetBlobContainerClient(options.StateContainer);
        BlockSize = options.BlockSize;
    }

    /// <summary>The account.</summary>
    public BlobServiceClient Service { get; }

    /// <summary>The watched input container.</summary>
    public BlobContainerClient Input { get; }

    /// <summary>Videos, results and summaries.</summary>
    public BlobContainerClient Output { get; }

    /// <summary>Ledger, token and staged uploads.</summary>
    public BlobContainerClient State { get; }

    /// <summary>The staging block size for outputs.</summary>
    public int BlockSize { get; }

    /// <summary>Creates <paramref name="container"/> unless this process already did (or found it).</summary>
    public async Task EnsureExistsAsync(BlobContainerClient container, CancellationToken cancellationToken)
    {
        if (_ensured.ContainsKey(container.Name))
        {
            return;
        }

        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        _ensured.TryAdd(container.Name, true);
    }
}
