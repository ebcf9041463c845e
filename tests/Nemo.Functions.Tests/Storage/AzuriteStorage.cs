using Azure.Storage.Blobs;
using Nemo.Functions.Storage;

namespace Nemo.Functions.Tests.Storage;

/// <summary>
/// Fresh containers in Azurite for one test class, deleted afterwards. The GitHub Actions workflow starts Azurite;
/// <c>NEMO_TEST_STORAGE</c> points the tests at another account or emulator. Without either, these tests fail loudly.
/// </summary>
public sealed class AzuriteStorage : IAsyncLifetime
{
    public AzuriteStorage()
    {
        var connectionString = Environment.GetEnvironmentVariable("NEMO_TEST_STORAGE") is { Length: > 0 } configured
            ? configured
            : "UseDevelopmentStorage=true";
        Service = new BlobServiceClient(connectionString);
        Options = new NemoStorageOptions
        {
            ConnectionString = connectionString,
            InputContainer = Unique("in"),
            OutputContainer = Unique("out"),
            StateContainer = Unique("state"),
            BlockSize = 64 * 1024,
        };
    }

    public BlobServiceClient Service { get; }

    public NemoStorageOptions Options { get; }

    public BlobContainerClient Input => Service.GetBlobContainerClient(Options.InputContainer);

    public BlobContainerClient Output => Service.GetBlobContainerClient(Options.OutputContainer);

    public BlobContainerClient State => Service.GetBlobContainerClient(Options.StateContainer);

    public async Task InitializeAsync() => await Input.CreateIfNotExistsAsync();

    public async Task DisposeAsync()
    {
        await Input.DeleteIfExistsAsync();
        await Output.DeleteIfExistsAsync();
        await State.DeleteIfExistsAsync();
    }

    private static string Unique(string role) => $"t{role}-{Guid.NewGuid():N}";
}
