using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Nemo.Conversions;

namespace Nemo.Functions.Http;

/// <summary>
/// The HTTP API, the same routes and contract as <c>nemo serve</c>: each function turns the request into a
/// <see cref="ConversionApi"/> call and writes its <see cref="ApiResponse"/> (problem details on errors). Function keys
/// guard every route but health (<see cref="AuthorizationLevel.Function"/>; the host checks <c>x-functions-key</c> or
/// <c>?code=</c>).
/// </summary>
public sealed class ConversionHttpFunctions
{
    /// <summary>The most instances <c>GET /api/conversions</c> returns.</summary>
    public const int MaxListCount = 1000;

    private readonly ConversionApiFactory _apis;

    /// <summary>Creates the functions.</summary>
    /// <param name="apis">Makes the API over the invocation's Durable client.</param>
    public ConversionHttpFunctions(ConversionApiFactory apis)
    {
        ArgumentNullException.ThrowIfNull(apis);
        _apis = apis;
    }

    /// <summary><c>POST /api/conversions</c>: JSON with image URLs or a multipart upload; 202 with <c>Location</c>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">The Durable client.</param>
    /// <returns>The API's answer.</returns>
    [Function("ApiCreateConversion")]
    public async Task<IActionResult> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "conversions")] HttpRequest request,
        [DurableClient] DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ApiResult(await CreateConversionRequest.HandleAsync(_apis.Create(client), request).ConfigureAwait(false));
    }

    /// <summary><c>GET /api/conversions?max=N</c>: the most recent conversions (1 to 1000, default 100).</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">The Durable client.</param>
    /// <returns>The API's answer.</returns>
    [Function("ApiListConversions")]
    public async Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "conversions")] HttpRequest request,
        [DurableClient] DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        var max = int.TryParse(request.Query["max"], out var value) ? Math.Clamp(value, 1, MaxListCount) : 100;
        return new ApiResult(await _apis.Create(client).ListAsync(max, request.HttpContext.RequestAborted).ConfigureAwait(false));
    }

    /// <summary><c>GET /api/conversions/{id}</c>: 200 with the conversion, or 404.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">The Durable client.</param>
    /// <param name="id">The conversion (instance) id.</param>
    /// <returns>The API's answer.</returns>
    [Function("ApiGetConversion")]
    public async Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "conversions/{id}")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ApiResult(await _apis.Create(client).GetAsync(id, request.HttpContext.RequestAborted).ConfigureAwait(false));
    }

    /// <summary><c>POST /api/conversions/{id}/cancel</c>: 202, 404 when unknown, 409 when not running.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">The Durable client.</param>
    /// <param name="id">The conversion (instance) id.</param>
    /// <returns>The API's answer.</returns>
    [Function("ApiCancelConversion")]
    public async Task<IActionResult> CancelAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "conversions/{id}/cancel")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ApiResult(await _apis.Create(client).CancelAsync(id, request.HttpContext.RequestAborted).ConfigureAwait(false));
    }

    /// <summary><c>GET /api/credits</c>: the Nemo balance, or 502 with what Nemo's answer means.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">The Durable client (unused by credits; the API is built the same way for every route).</param>
    /// <returns>The API's answer.</returns>
    [Function("ApiCredits")]
    public async Task<IActionResult> CreditsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "credits")] HttpRequest request,
        [DurableClient] DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ApiResult(await _apis.Create(client).GetCreditsAsync(request.HttpContext.RequestAborted).ConfigureAwait(false));
    }

    /// <summary>
    /// <c>GET /api/health</c>: 200 <c>{"status":"healthy"}</c>. Anonymous, like <c>nemo serve</c>'s: availability probes
    /// carry no key, and the answer reveals nothing and calls nothing (no Nemo, no storage).
    /// </summary>
    /// <param name="request">The request.</param>
    /// <returns>The API's answer.</returns>
    [Function("ApiHealth")]
    public static IActionResult Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ApiResult(new ApiResponse(200, new HealthStatus("healthy")));
    }
}
