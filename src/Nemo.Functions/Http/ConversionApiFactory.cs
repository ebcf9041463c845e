using Microsoft.DurableTask.Client;
using Nemo.Client;
using Nemo.Conversions;
using Nemo.Functions.Durable;

namespace Nemo.Functions.Http;

/// <summary>
/// Makes the <see cref="ConversionApi"/> for one HTTP invocation: the API's scheduler wraps the
/// <see cref="DurableTaskClient"/> the function received through its <c>[DurableClient]</c> binding.
/// </summary>
public sealed class ConversionApiFactory
{
    private readonly ConversionSchedulerFactory _schedulers;
    private readonly IMediaStore _store;
    private readonly ISpendLedger _ledger;
    private readonly NemoClient _client;
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the factory from the container's services.</summary>
    /// <param name="schedulers">Makes the scheduler over the bound client.</param>
    /// <param name="store">The media store (staged uploads).</param>
    /// <param name="ledger">The spend ledger (which request each <c>Idempotency-Key</c> was first used for).</param>
    /// <param name="client">The Nemo client (credits).</param>
    /// <param name="httpClientFactory">For image URL imports.</param>
    /// <param name="timeProvider">The clock.</param>
    public ConversionApiFactory(
        ConversionSchedulerFactory schedulers,
        IMediaStore store,
        ISpendLedger ledger,
        NemoClient client,
        IHttpClientFactory httpClientFactory,
        TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(schedulers);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _schedulers = schedulers;
        _store = store;
        _ledger = ledger;
        _client = client;
        _httpClientFactory = httpClientFactory;
        _timeProvider = timeProvider;
    }

    /// <summary>The API over <paramref name="durableClient"/>.</summary>
    /// <param name="durableClient">The invocation's bound Durable client.</param>
    /// <returns>The API.</returns>
    public ConversionApi Create(DurableTaskClient durableClient) =>
        new(_schedulers.Create(durableClient), _store, _ledger, _client, _httpClientFactory, _timeProvider);
}
