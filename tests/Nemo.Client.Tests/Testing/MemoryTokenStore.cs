namespace Nemo.Client.Tests.Testing;

public sealed class MemoryTokenStore : INemoTokenStore
{
    public NemoAccessToken? Stored { get; set; }

    public int Saves { get; private set; }

    public ValueTask<NemoAccessToken?> LoadAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(Stored);

    public ValueTask SaveAsync(NemoAccessToken token, CancellationToken cancellationToken = default)
    {
        Stored = token;
        Saves++;
        return ValueTask.CompletedTask;
    }
}
