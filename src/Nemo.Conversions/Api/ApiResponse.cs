using System.Text.Json;

namespace Nemo.Conversions;

/// <summary>
/// What an API call answers, for a host to write as HTTP: the status, the body and, for 202, the <c>Location</c>.
/// Hosts must serialize <see cref="Body"/> with <see cref="ConversionJson.Options"/> (or use <see cref="WriteBodyAsync"/>)
/// and send <see cref="ContentType"/>.
/// </summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Body">The body (a resource, a list or an <see cref="ApiProblem"/>), or null for none.</param>
/// <param name="Location">The <c>Location</c> header, when there is one.</param>
public sealed record ApiResponse(int StatusCode, object? Body, string? Location = null)
{
    /// <summary><c>application/problem+json</c> for problems, <c>application/json</c> otherwise.</summary>
    public string ContentType => Body is ApiProblem ? "application/problem+json" : "application/json";

    /// <summary>Writes <see cref="Body"/> as JSON with <see cref="ConversionJson.Options"/>; nothing when there is none.</summary>
    public Task WriteBodyAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Body is null
            ? Task.CompletedTask
            : JsonSerializer.SerializeAsync(stream, Body, Body.GetType(), ConversionJson.Options, cancellationToken);
    }
}
