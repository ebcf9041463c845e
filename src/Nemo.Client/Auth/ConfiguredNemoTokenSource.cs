namespace Nemo.Client;

/// <summary>A token configured by the operator (e.g. <c>NEMO_TOKEN</c>): used as is, never refreshed.</summary>
public sealed class ConfiguredNemoTokenSource : INemoTokenSource
{
    private readonly NemoAccessToken _token;

    /// <summary>Wraps a configured token.</summary>
    /// <param name="token">The bearer token.</param>
    public ConfiguredNemoTokenSource(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        _token = new NemoAccessToken(token.Trim(), isAnonymous: false);
    }

    /// <inheritdoc/>
    public bool CanRefresh => false;

    /// <inheritdoc/>
    public ValueTask<NemoAccessToken> GetTokenAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_token);

    /// <inheritdoc/>
    public ValueTask InvalidateAsync(NemoAccessToken rejected, CancellationToken cancellationToken = default) =>
        ValueTask.CompletedTask;

    /// <summary>A description without the token value.</summary>
    public override string ToString() => "ConfiguredNemoTokenSource";
}
