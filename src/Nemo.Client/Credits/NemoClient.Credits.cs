namespace Nemo.Client;

public sealed partial class NemoClient
{
    private const string CreditsOperation = "GET /api/credits/balance/simple";

    /// <summary><c>GET /api/credits/balance/simple</c>: the credit balance.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The balance; <see cref="NemoCredits.Total"/> is computed when Nemo leaves it out.</returns>
    /// <exception cref="NemoApiException">The call failed.</exception>
    public async Task<NemoCredits> GetCreditsAsync(CancellationToken cancellationToken = default)
    {
        var request = Request(HttpMethod.Get, CreditsOperation, "/api/credits/balance/simple");
        var data = await _transport.SendJsonAsync(request, Profile, _transport.Idempotent, NemoEnvelope.Code, cancellationToken).ConfigureAwait(false);
        var credits = Deserialize(data, NemoJsonContext.Default.CreditsData, CreditsOperation);
        var available = credits?.Available ?? 0;
        var frozen = credits?.Frozen ?? 0;
        return new NemoCredits(available, frozen, credits?.Total ?? available + frozen);
    }
}
