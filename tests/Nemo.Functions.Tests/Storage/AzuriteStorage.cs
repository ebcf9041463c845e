using Azure.Storage.Blobs;
using Nemo.Functions.Storage;
using Nemo.Functions.Tests.Azurite;

namespace Nemo.Functions.Tests.Storage;

/// <summary>
/// Fresh containers on the test run's own Azurite (<see cref="AzuriteServer.Shared"/>) for one test class, deleted
/// afterwards.
/// </summary>
public sealed class AzuriteStorage : IAsyncLifetime
{
    private BlobServiceClient? _service;
    private NemoStorageOptions? _options;

    /// <summary>The Azurite connection string (the app's <c>AzureWebJobsStorage</c> in the engine tests).</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    public BlobServiceClient Service => _service ?? throw new InvalidOperationException("The fixture is not initialized.");

    public NemoStorageOptions Options => _options ?? throw new InvalidOperationException("The fixture is not initialized.");

    public BlobContainerClient Input => Service.GetBlobContainerClient(Options.InputContainer);

    public BlobContainerClient Output => Service.GetBlobContainerClient(Options.OutputContainer);

    public BlobContainerClient State => Service.GetBlobContainerClient(Options.StateContainer);

    public async Task InitializeAsync()
    {
        var azurite = await AzuriteServer.Shared;
        ConnectionString = azurite.ConnectionString;
        _service = new BlobServiceClient(ConnectionString);
        _options = new NemoStorageOptions
        {
            ConnectionString = ConnectionString,
            InputContainer = Unique("in"),
            OutputContainer = Unique("out"),
            StateContainer = Unique("state"),
            BlockSize = 64 * 1024,
        };
        await Input.CreateIfNotExistsAsync();
    }

    public async Task DisposeAsync()
    {
        await Input.DeleteIfExistsAsync();
        await Output.DeleteIfExistsAsync();
        await State.DeleteIfExistsAsync();
    }

    private static string Unique(string role) => $"t{role}-{Guid.NewGuid():N}";
}
