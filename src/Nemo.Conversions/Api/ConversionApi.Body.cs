using System.Globalization;
using System.Text.Json;

namespace Nemo.Conversions;

public sealed partial class ConversionApi
{
    /// <summary>
    /// <c>POST /api/conversions</c> with a JSON body, as it arrives: 413 problem details when it is (or turns out to be)
    /// larger than <see cref="ConversionLimits.MaxJsonBodyBytes"/>, without reading the rest; 400 when it is not the
    /// expected JSON; otherwise <see cref="CreateAsync"/>. Nothing of the body is echoed back.
    /// </summary>
    /// <param name="body">The request body.</param>
    /// <param name="declaredLength">Its <c>Content-Length</c>, when the client sent one.</param>
    /// <param name="idempotencyKey">The <c>Idempotency-Key</c>, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<ApiResponse> CreateFromJsonAsync(Stream body, long? declaredLength, string? idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (declaredLength > ConversionLimits.MaxJsonBodyBytes)
        {
            return JsonBodyTooLarge(declaredLength);
        }

        CreateConversionBody? parsed;
        try
        {
            using var limited = new ImportStream(body, ConversionLimits.MaxJsonBodyBytes);
            parsed = await JsonSerializer.DeserializeAsync<CreateConversionBody>(limited, ConversionJson.Options, cancellationToken).ConfigureAwait(false);
        }
        catch (ImportLimitExceededException)
        {
            return JsonBodyTooLarge(null);
        }
        catch (JsonException ex)
        {
            // The parser's message names a position, never the content.
            return InvalidBody("The body must be JSON ({\"images\": [urls], \"prompt\": …}) or multipart/form-data: " + ex.Message);
        }

        return parsed is null
            ? InvalidBody("The body is empty.")
            : await CreateAsync(parsed, idempotencyKey, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The 413 problem for a multipart body over <see cref="ConversionLimits.MaxMultipartBodyBytes"/>.</summary>
    public static ApiResponse MultipartBodyTooLarge() =>
        ApiProblems.BodyTooLarge(string.Create(
            CultureInfo.InvariantCulture,
            $"The multipart body is larger than {ConversionLimits.MaxMultipartBodyBytes / (1024 * 1024)} MiB, the most this API reads; send fewer or smaller images per request."));

    private static ApiResponse JsonBodyTooLarge(long? declaredLength)
    {
        var limit = string.Create(CultureInfo.InvariantCulture, $"{ConversionLimits.MaxJsonBodyBytes / 1024} KiB");
        var size = declaredLength is { } length
            ? string.Create(CultureInfo.InvariantCulture, $"The JSON body is {length} bytes; this API reads JSON bodies up to {limit}.")
            : $"The JSON body is larger than {limit}, the most this API reads.";
        return ApiProblems.BodyTooLarge(size + " Images go by URL in JSON, or as files in multipart/form-data.");
    }
}
