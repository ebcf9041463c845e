using Microsoft.AspNetCore.Mvc;
using Nemo.Conversions;

namespace Nemo.Functions.Http;

/// <summary>
/// Writes an <see cref="ApiResponse"/> the way <c>nemo serve</c> does: status, <c>Location</c>, content type and the body
/// serialized with <see cref="ConversionJson.Options"/> (problem details as <c>application/problem+json</c>).
/// </summary>
public sealed class ApiResult : IActionResult
{
    /// <summary>Wraps a response.</summary>
    /// <param name="response">What the API answered.</param>
    public ApiResult(ApiResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Response = response;
    }

    /// <summary>The response written.</summary>
    public ApiResponse Response { get; }

    /// <inheritdoc />
    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        http.Response.StatusCode = Response.StatusCode;
        if (Response.Location is { } location)
        {
            http.Response.Headers.Location = location;
        }

        if (Response.Body is not null)
        {
            http.Response.ContentType = Response.ContentType;
            await Response.WriteBodyAsync(http.Response.Body, http.RequestAborted).ConfigureAwait(false);
        }
    }
}
