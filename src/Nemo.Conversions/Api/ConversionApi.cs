using Nemo.Client;

namespace Nemo.Conversions;

/// <summary>
/// The HTTP API shared by <c>nemo serve</c> and the Azure Functions app: hosts only translate HTTP requests into these
/// calls and write the <see cref="ApiResponse"/> back (serialized with <see cref="ConversionJson.Options"/>).
/// Routes: <c>POST /api/conversions</c> (<see cref="CreateAsync"/>, <see cref="CreateFromUploadAsync"/>),
/// <c>GET /api/conversions/{id}</c>, <c>GET /api/conversions</c>, <c>POST /api/conversions/{id}/cancel</c>,
/// <c>GET /api/credits</c>, <c>GET /api/health</c>.
/// </summary>
public sealed partial class ConversionApi
{
    /// <summary>The named <see cref="HttpClient"/> used to fetch image URLs (registered by <c>AddConversions</c>).</summary>
    public const string ImportClientName = "Nemo.Conversions.Import";

    private readonly IConversionScheduler _scheduler;
    private readonly IMediaStore _store;
    private readonly ISpendLedger _ledger;
    private readonly NemoClient _client;
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly TimeProvider _timeProvider;

    /// <summary>
    /// Creates the API over a scheduler, a media store, the ledger (which request each <c>Idempotency-Key</c> was first
    /// used for), the Nemo client (for credits) and an HTTP client factory (for URL imports).
    /// </summary>
    public ConversionApi(
        IConversionScheduler scheduler,
        IMediaStore store,
        ISpendLedger ledger,
        NemoClient client,
        IHttpClientFactory httpClientFactory,
        TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _scheduler = scheduler;
        _store = store;
        _ledger = ledger;
        _client = client;
        _httpClientFactory = httpClientFactory;
        _timeProvider = timeProvider;
    }

    /// <summary><c>GET /api/conversions/{id}</c>: 200 with a <see cref="ConversionResource"/>, or 404.</summary>
    public async Task<ApiResponse> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        var instance = await _scheduler.GetAsync(id, cancellationToken).ConfigureAwait(false);
        return instance is null ? ApiProblems.NotFound(id) : new ApiResponse(200, ConversionResources.From(instance));
    }

    /// <summary><c>GET /api/conversions</c>: 200 with <c>{"items": [...]}</c>, most recent first.</summary>
    public async Task<ApiResponse> ListAsync(int maxCount = 100, CancellationToken cancellationToken = default)
    {
        var instances = await _scheduler.ListAsync(Math.Clamp(maxCount, 1, 1000), cancellationToken).ConfigureAwait(false);
        return new ApiResponse(200, new ConversionList([.. instances.Select(ConversionResources.From)]));
    }

    /// <summary><c>POST /api/conversions/{id}/cancel</c>: 202 with the resource, 404 when unknown, 409 when not running.</summary>
    public async Task<ApiResponse> CancelAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        var instance = await _scheduler.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (instance is null)
        {
            return ApiProblems.NotFound(id);
        }

        var resource = ConversionResources.From(instance);
        if (resource.Status is not (ConversionResourceStatus.Pending or ConversionResourceStatus.Running)
            || !await _scheduler.CancelAsync(id, "Cancelled through the API.", cancellationToken).ConfigureAwait(false))
        {
            return ApiProblems.NotRunning(id, ConversionResources.StatusName(resource.Status));
        }

        var after = await _scheduler.GetAsync(id, cancellationToken).ConfigureAwait(false);
        return new ApiResponse(202, after is null ? resource : ConversionResources.From(after), ApiProblems.Path(id));
    }

    /// <summary><c>GET /api/credits</c>: 200 with <c>{available, frozen, total}</c>, or 502 with what Nemo's answer means.</summary>
    public async Task<ApiResponse> GetCreditsAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var credits = await _client.GetCreditsAsync(cancellationToken).ConfigureAwait(false);
            return new ApiResponse(200, credits);
        }
        catch (NemoApiException ex)
        {
            // The meaning only: never the token or the response body.
            return ApiProblems.Nemo(ex.Meaning);
        }
    }

    /// <summary><c>GET /api/health</c>: 200 with <c>{"status": "healthy"}</c>.</summary>
#pragma warning disable CA1822 // An instance member: hosts call every route on the same ConversionApi instance.
    public ApiResponse Health() => new(200, new HealthStatus("healthy"));
#pragma warning restore CA1822

    /// <summary>A 400 problem for a body the host could not read as JSON (hosts call this so every 400 looks alike).</summary>
    public static ApiResponse InvalidBody(string detail)
    {
        ArgumentException.ThrowIfNullOrEmpty(detail);
        return ApiProblems.Validation(400, detail, []);
    }
}
