using System.ComponentModel.DataAnnotations;

namespace Nemo.Functions.Storage;

/// <summary>
/// Where the blob store, the spend ledger and the anonymous token live (configuration section <c>NemoStorage</c>).
/// The account defaults to the host's own storage connection (<c>AzureWebJobsStorage</c>), the one the blob trigger
/// uses, so the trigger and the store always see the same containers.
/// </summary>
public sealed class NemoStorageOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string SectionName = "NemoStorage";

    /// <summary>The connection the blob trigger uses, and the store's fallback: the Functions host storage.</summary>
    public const string HostConnectionName = "AzureWebJobsStorage";

    /// <summary>
    /// A storage connection string, e.g. <c>UseDevelopmentStorage=true</c> for Azurite. Default: the value of
    /// <c>AzureWebJobsStorage</c> when that is a connection string. Set either this or <see cref="BlobServiceUri"/>.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The blob endpoint, e.g. <c>https://account.blob.core.windows.net</c>, reached with
    /// <c>DefaultAzureCredential</c> (the managed identity in Azure). Default: <c>AzureWebJobsStorage:blobServiceUri</c>.
    /// </summary>
    public Uri? BlobServiceUri { get; set; }

    /// <summary>
    /// The client id of the user-assigned managed identity to use with <see cref="BlobServiceUri"/> (and for Event Grid).
    /// Default: <c>AzureWebJobsStorage:clientId</c>; when neither is set, <c>DefaultAzureCredential</c>'s own lookup
    /// (<c>AZURE_CLIENT_ID</c>, then the system-assigned identity) applies.
    /// </summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>
    /// The watched container: images and job folders dropped here start conversions. Required, because the blob
    /// trigger binds the same setting (<c>%NemoStorage:InputContainer%</c>); e.g. <c>images-in</c>.
    /// </summary>
    [Required]
    public string InputContainer { get; set; } = string.Empty;

    /// <summary>Where videos, result files and batch summaries are written. Default <c>videos-out</c>.</summary>
    [Required]
    public string OutputContainer { get; set; } = "videos-out";

    /// <summary>
    /// The private container for the spend ledger (<c>ledger/</c>), the anonymous Nemo token (<c>nemo/</c>) and images
    /// posted to the HTTP API (<c>staged/</c>). No trigger watches it. Default <c>nemo-state</c>.
    /// </summary>
    [Required]
    public string StateContainer { get; set; } = "nemo-state";

    /// <summary>
    /// The size of the blocks an output is staged in before it is committed. Default 4 MiB; one buffer of this size is
    /// held per output being written.
    /// </summary>
    [Range(64 * 1024, 100 * 1024 * 1024)]
    public int BlockSize { get; set; } = 4 * 1024 * 1024;
}
