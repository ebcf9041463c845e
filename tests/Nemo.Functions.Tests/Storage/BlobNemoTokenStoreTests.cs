using Nemo.Client;
using Nemo.Functions.Storage;

namespace Nemo.Functions.Tests.Storage;

public sealed class BlobNemoTokenStoreTests(AzuriteStorage storage) : IClassFixture<AzuriteStorage>
{
    [Fact]
    public async Task Saved_token_round_trips_with_its_client_id_and_expiry()
    {
        var store = new BlobNemoTokenStore(storage.Service, storage.Options);
        var expires = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

        await store.SaveAsync(new NemoAccessToken("tok-1", isAnonymous: true, userId: "anon_1", expiresAt: expires, clientId: "client-1"));
        var loaded = await new BlobNemoTokenStore(storage.Service, storage.Options).LoadAsync();

        Assert.NotNull(loaded);
        Assert.Equal("tok-1", loaded.Value);
        Assert.True(loaded.IsAnonymous);
        Assert.Equal("anon_1", loaded.UserId);
        Assert.Equal(expires, loaded.ExpiresAt);
        Assert.Equal("client-1", loaded.ClientId);
    }

    [Fact]
    public async Task Save_replaces_the_previous_token()
    {
        var store = new BlobNemoTokenStore(storage.Service, storage.Options);

        await store.SaveAsync(new NemoAccessToken("old", isAnonymous: true, clientId: "c"));
        await store.SaveAsync(new NemoAccessToken("new", isAnonymous: true, clientId: "c"));

        Assert.Equal("new", (await store.LoadAsync())!.Value);
    }

    [Fact]
    public async Task Missing_or_unreadable_blob_loads_as_no_token()
    {
        var options = new NemoStorageOptions
        {
            ConnectionString = storage.Options.ConnectionString,
            InputContainer = storage.Options.InputContainer,
            StateContainer = "tstate-" + Guid.NewGuid().ToString("N"),
        };
        var store = new BlobNemoTokenStore(storage.Service, options);
        Assert.Null(await store.LoadAsync());

        var state = storage.Service.GetBlobContainerClient(options.StateContainer);
        try
        {
            await state.CreateIfNotExistsAsync();
            await state.GetBlobClient(BlobNemoTokenStore.BlobName).UploadAsync(BinaryData.FromString("{not json"), overwrite: true);
            Assert.Null(await store.LoadAsync());
        }
        finally
        {
            await state.DeleteIfExistsAsync();
        }
    }

    [Fact]
    public void Description_never_shows_the_token()
    {
        var store = new BlobNemoTokenStore(storage.Service, storage.Options);

        Assert.Equal($"BlobNemoTokenStore({storage.Options.StateContainer}/nemo/anonymous-token.json)", store.ToString());
    }
}
