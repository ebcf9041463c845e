using Azure;
using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Nemo.Functions.Durable;
using Nemo.Functions.Storage;

namespace Nemo.Functions.Triggers;

/// <summary>
/// The blob trigger on the input container. Event Grid is the source (Flex Consumption has no polling blob trigger):
/// the storage account's <c>BlobCreated</c> events reach the blobs extension webhook, which invokes this function with
/// the new blob. The decisions are <see cref="BlobDropRouter"/>'s; this class only adapts the bindings.
/// </summary>
/// <param name="router">Decides and schedules.</param>
/// <param name="schedulers">Wraps the invocation's Durable client as the pipeline's scheduler.</param>
public sealed class BlobDropTrigger(BlobDropRouter router, ConversionSchedulerFactory schedulers)
{
    /// <summary>The function name; the Event Grid subscription targets <c>/runtime/webhooks/blobs?functionName=Host.Functions.OnInputBlobCreated</c>.</summary>
    public const string FunctionName = "OnInputBlobCreated";

    /// <summary>Routes one new blob of the input container (<c>%NemoStorage:InputContainer%</c>).</summary>
    /// <param name="blob">The blob that was created (a client: the trigger does not download it).</param>
    /// <param name="client">The Durable client that schedules the conversion or batch.</param>
    /// <param name="cancellationToken">Cancelled when the host shuts down.</param>
    /// <returns>When the blob was routed.</returns>
    [Function(FunctionName)]
    public async Task RunAsync(
        [BlobTrigger("%NemoStorage:InputContainer%/{name}", Source = BlobTriggerSource.EventGrid, Connection = NemoStorageOptions.HostConnectionName)] BlobClient blob,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blob);
        ArgumentNullException.ThrowIfNull(client);
        await router.RouteAsync(schedulers.Create(client), blob.BlobContainerName, blob.Name, ct => ReadETagAsync(blob, ct), cancellationToken)
            .ConfigureAwait(false);
    }

    // The ETag now, not the event's: if the blob was replaced meanwhile, the newer version's own event finds this id.
    private static async Task<string?> ReadETagAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return properties.Value.ETag.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
