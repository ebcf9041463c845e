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

        return await api.CreateFromJsonAsync(request.Body, request.ContentLength, idempotencyKey, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<ApiResponse> FromFormAsync(ConversionApi api, HttpRequest request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        // Files above the form's memory threshold are buffered to temporary files by ASP.NET Core, never in memory.
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = ConversionLimits.MaxMultipartBodyBytes }, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException)
        {
            // The form reader's way of saying the body went past MultipartBodyLengthLimit.
            return ConversionApi.MultipartBodyTooLarge();
        }

        var upload = new FormUpload(
            [.. form.Files.Where(f => FormUpload.IsImageField(f.Name)).Select(f => new FormPart(f.FileName, f.OpenReadStream))],
            Field(form, "prompt"),
            Field(form, "profile"),
            Field(form, "options"),
            Field(form, "name"));
        return await api.CreateFromFormAsync(upload, idempotencyKey, cancellationToken).ConfigureAwait(false);
    }

    private static string? Field(IFormCollection form, string name) =>
        form.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value.ToString() : null;
}
