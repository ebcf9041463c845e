namespace Nemo.Client.Tests.Auth;

public sealed class FileNemoTokenStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "nemo-store-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task Saves_and_loads_a_token_with_its_client_id()
    {
        var store = new FileNemoTokenStore(Path.Combine(_directory, "sub", "token.json"));
        var expires = new DateTimeOffset(2025, 6, 8, 0, 0, 0, TimeSpan.Zero);

        await store.SaveAsync(new NemoAccessToken("nmv_usr_1", isAnonymous: true, userId: "anon_1", expiresAt: expires, clientId: "client-1"));
        var loaded = await store.LoadAsync();

        Assert.NotNull(loaded);
        Assert.Equal("nmv_usr_1", loaded.Value);
        Assert.True(loaded.IsAnonymous);
        Assert.Equal("anon_1", loaded.UserId);
        Assert.Equal(expires, loaded.ExpiresAt);
        Assert.Equal("client-1", loaded.ClientId);
    }

    [Fact]
    public async Task Missing_or_corrupt_files_load_as_nothing()
    {
        var path = Path.Combine(_directory, "token.json");
        var store = new FileNemoTokenStore(path);
        Assert.Null(await store.LoadAsync());

        Directory.CreateDirectory(_directory);
        await File.WriteAllTextAsync(path, "{not json");
        Assert.Null(await store.LoadAsync());
    }

    [Fact]
    public async Task Overwrites_atomically_and_leaves_no_temporary_files()
    {
        var path = Path.Combine(_directory, "token.json");
        var store = new FileNemoTokenStore(path);

        await store.SaveAsync(new NemoAccessToken("first", clientId: "c"));
        await store.SaveAsync(new NemoAccessToken("second", clientId: "c"));

        Assert.Equal("second", (await store.LoadAsync())!.Value);
        Assert.Equal(["token.json"], Directory.GetFiles(_directory).Select(Path.GetFileName));
    }

    [Fact]
    public async Task The_file_is_readable_by_the_owner_only_on_unix()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var path = Path.Combine(_directory, "token.json");
        await new FileNemoTokenStore(path).SaveAsync(new NemoAccessToken("secret"));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void ToString_shows_the_path()
    {
        var store = new FileNemoTokenStore(Path.Combine(_directory, "token.json"));
        Assert.Contains("token.json", store.ToString(), StringComparison.Ordinal);
    }
}
