namespace Nemo.Client;

/// <summary>Persists the anonymous token (with its client id) so it is acquired once, not per job.</summary>
public interface INemoTokenStore
{
    /// <summary>The persisted token, or <see langword="null"/> when none (or none readable) is stored.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    ValueTask<NemoAccessToken?> LoadAsync(CancellationToken cancellationToken = default);

    /// <summary>Replaces the persisted token.</summary>
    /// <param name="token">The token to keep.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    ValueTask SaveAsync(NemoAccessToken token, CancellationToken cancellationToken = default);
}
