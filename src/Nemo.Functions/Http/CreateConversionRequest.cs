using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Nemo.Conversions;

namespace Nemo.Functions.Http;

/// <summary>
/// Reads <c>POST /api/conversions</c> as <c>nemo serve</c> does: JSON (<see cref="CreateConversionBody"/>) or
/// <c>multipart/form-data</c> (image files plus <c>prompt</c>, <c>profile</c>, <c>name</c> and JSON <c>options</c>
/// fields), with an optional <c>Idempotency-Key</c> header, and hands it to the <see cref="ConversionApi"/>.
/// </summary>
internal static class CreateConversionRequest
{
    /// <summary>The header naming a client's own idempotency key.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>The largest multipart body read (several large images); the Functions host has its own, lower limit.</summary>
    private const long MaxMultipartBytes = 1L << 30;

    private static readonly string[] FileFieldNames = ["images", "image", "images[]"];

    public static async Task<ApiResponse> HandleAsync(ConversionApi api, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(request);
        var cancellationToken = request.HttpContext.RequestAborted;
        string? idempotencyKey = request.Headers[IdempotencyKeyHeader];
        idempotencyKey = string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey.Trim();
        if (request.HasFormContentType)
        {
            return await FromFormAsync(api, request, idempotencyKey, cancellationToken).ConfigureAwait(false);
        }

        CreateConversionBody? body;
        try
        {
            body = await request.ReadFromJsonAsync<CreateConversionBody>(ConversionJson.Options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return ConversionApi.InvalidBody("The body must be JSON ({\"images\": [urls], \"prompt\": …}) or multipart/form-data: " + ex.Message);
        }

        return body is null
            ? ConversionApi.InvalidBody("The body is empty.")
            : await api.CreateAsync(body, idempotencyKey, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<ApiResponse> FromFormAsync(ConversionApi api, HttpRequest request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        // Files above the form's memory threshold are buffered to temporary files by ASP.NET Core, never in memory.
        var form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = MaxMultipartBytes }, cancellationToken).ConfigureAwait(false);
        ConversionOptions? options = null;
        if (form["options"] is { Count: > 0 } optionsText && !string.IsNullOrWhiteSpace(optionsText))
        {
            try
            {
                options = JsonSerializer.Deserialize<ConversionOptions>(optionsText.ToString(), ConversionJson.Options);
            }
            catch (JsonException ex)
            {
                return ConversionApi.InvalidBody("The 'options' field must be JSON: " + ex.Message);
            }
        }

        var fields = new CreateConversionBody(null, Field(form, "prompt"), Field(form, "profile"), options, Field(form, "name"));
        var files = form.Files.Where(f => FileFieldNames.Contains(f.Name, StringComparer.Ordinal)).ToList();
        var streams = new List<Stream>(files.Count);
        try
        {
            var uploads = new List<UploadedImage>(files.Count);
            foreach (var file in files)
            {
                var stream = file.OpenReadStream();
                streams.Add(stream);
                uploads.Add(new UploadedImage(file.FileName, stream));
            }

            return await api.CreateFromUploadAsync(uploads, fields, idempotencyKey, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static string? Field(IFormCollection form, string name) =>
        form.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value.ToString() : null;
}
