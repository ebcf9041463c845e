using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Nemo.Client;

/// <summary>
/// An anonymous token acquired once with a stable client id, persisted through an
/// <see cref="INemoTokenStore"/>, reused until shortly before it expires and replaced when Nemo
/// rejects it. Concurrent callers share one acquisition.
/// </summary>
public sealed class AnonymousNemoTokenSource : INemoTokenSource, IDisposable
{
    /// <summary>A token is replaced this long before it expires.</summary>
    public static readonly TimeSpan ExpirySafetyMargin = TimeSpan.FromMinutes(5);

    private readonly AnonymousTokenIssuer _issuer;
    private readonly INemoTokenStore _store;
    private readonly string? _configuredClientId;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private NemoAccessToken? _current;
    private string? _rejectedValue;
    private bool _storeLoaded;

    /// <summary>Creates the source.</summary>
    /// <param name="httpClient">Sends the anonymous-token request (the same client as <see cref="NemoClient"/> is fine).</param>
    /// <param name="options">Base address, profile, client id and attribution values.</param>
    /// <param name="store">Where the token is persisted.</param>
    /// <param name="timeProvider">The clock for expiry checks; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="logger">Logs acquisitions (never the token).</param>
    public AnonymousNemoTokenSource(
        HttpClient httpClient,
        NemoClientOptions options,
        INemoTokenStore store,
        TimeProvider? timeProvider = null,
        ILogger<AnonymousNemoTokenSource>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        NemoClientOptionsValidator.ThrowIfInvalid(options);
        _store = store;
        _configuredClientId = options.ClientId;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _issuer = new AnonymousTokenIssuer(new NemoTransport(httpClient, options, tokens: null, _timeProvider, _logger));
    }

    /// <inheritdoc/>
    public bool CanRefresh => true;

    /// <inheritdoc/>
    public async ValueTask<NemoAccessToken> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _current) is { } cached && IsUsable(cached))
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_current is { } current && IsUsable(current))
            {
                return current;
            }

            string? clientId = _configuredClientId ?? _current?.ClientId;
            if (!_storeLoaded)
            {
                _storeLoaded = true;
                if (await _store.LoadAsync(cancellationToken).ConfigureAwait(false) is { } stored)
                {
                    clientId ??= stored.ClientId;
                    var sameClient = _configuredClientId is null || string.Equals(stored.ClientId, _configuredClientId, StringComparison.Ordinal);
                    if (sameClient && IsUsable(stored))
                    {
                        Log.TokenLoaded(_logger, stored.ExpiresAt);
                        Volatile.Write(ref _current, stored);
                        return stored;
                    }
                }
            }

            var acquired = await _issuer.AcquireAsync(clientId, cancellationToken).ConfigureAwait(false);
            try
            {
                await _store.SaveAsync(acquired, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Log.TokenPersistFailed(_logger, ex);
            }

            Volatile.Write(ref _current, acquired);
            return acquired;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask InvalidateAsync(NemoAccessToken rejected, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // _current keeps its client id: the replacement is issued to the same client. A report about
            // a token already replaced changes nothing, because only that old value is marked.
            _rejectedValue = rejected.Value;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Releases the lock.</summary>
    public void Dispose() => _gate.Dispose();

    /// <summary>A description without the token value.</summary>
    public override string ToString() => "AnonymousNemoTokenSource";

    private bool IsUsable(NemoAccessToken token) =>
        !string.Equals(token.Value, _rejectedValue, StringComparison.Ordinal)
        && token.IsUsableAt(_timeProvider.GetUtcNow(), ExpirySafetyMargin);
}
