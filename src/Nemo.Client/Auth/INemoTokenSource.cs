namespace Nemo.Client;

/// <summary>Supplies the bearer token for Nemo calls.</summary>
public interface INemoTokenSource
{
    /// <summary>
    /// Whether a rejected token (1001) can be replaced: <see langword="true"/> for anonymous tokens,
    /// <see langword="false"/> for a configured token.
    /// </summary>
    bool CanRefresh { get; }

    /// <summary>The token to use now, acquiring or loading it when needed.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    ValueTask<NemoAccessToken> GetTokenAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Reports that Nemo rejected <paramref name="rejected"/>; the next <see cref="GetTokenAsync"/>
    /// returns a different token when <see cref="CanRefresh"/>. Reports about a token that was already
    /// replaced are ignored, so concurrent callers trigger one replacement.
    /// </summary>
    /// <param name="rejected">The token Nemo rejected.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    ValueTask InvalidateAsync(NemoAccessToken rejected, CancellationToken cancellationToken = default);
}
