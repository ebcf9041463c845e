using System.Net;
using System.Text.Json;

namespace Nemo.Client;

/// <summary>
/// Reads both envelopes and turns every error shape (HTTP 200 with <c>code != 0</c>, 4xx/5xx with an
/// envelope, a non-JSON body, <c>success:false</c>) into a classified <see cref="NemoApiException"/>.
/// </summary>
internal static class NemoResponseReader
{
    public static async Task<JsonElement> ReadAsync(
        HttpResponseMessage response,
        NemoEnvelope envelope,
        NemoErrorContext context,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return Interpret(response, body, envelope, context, timeProvider);
    }

    public static JsonElement Interpret(
        HttpResponseMessage response,
        ReadOnlySpan<byte> body,
        NemoEnvelope envelope,
        NemoErrorContext context,
        TimeProvider timeProvider)
    {
        var status = response.StatusCode;
        var retryAfter = RetryAfter(response, timeProvider);
        var root = TryParse(body);

        if (root is not { ValueKind: JsonValueKind.Object } json)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw NemoErrors.Create(status, null, null, context, retryAfter);
            }

            throw Protocol(context, status, "Nemo answered with a body that is not a JSON object.");
        }

        var message = MessageOf(json);
        if (json.Prop("code").AsInt() is { } code && code != 0)
        {
            throw NemoErrors.Create(status, code, message, context, retryAfter);
        }

        if (json.Prop("success").AsBool() == false)
        {
            if (envelope == NemoEnvelope.Render && (status == HttpStatusCode.Conflict || IsDuplicateId(message)))
            {
                throw new DuplicateRenderIdException(status, context.Operation) { Operation = context.Operation };
            }

            if (response.IsSuccessStatusCode)
            {
                var said = NemoErrors.Sanitize(message, context.Token);
                throw new NemoApiException(
                    said is null ? "Nemo's render service reported a failure." : $"Nemo's render service reported a failure: \"{said}\"",
                    NemoErrorKind.Terminal,
                    status)
                { Operation = context.Operation };
            }
        }

        if (!response.IsSuccessStatusCode)
        {
            throw NemoErrors.Create(status, null, message, context, retryAfter);
        }

        return envelope == NemoEnvelope.Code && json.Prop("data") is { } data ? data : json;
    }

    public static NemoApiException Protocol(NemoErrorContext context, HttpStatusCode? status, string meaning) =>
        new(meaning, NemoErrorKind.Transient, status) { Operation = context.Operation };

    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider timeProvider)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private static JsonElement? TryParse(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            return JsonElement.ParseValue(ref reader);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? MessageOf(JsonElement root) =>
        root.Prop("message").AsString()
        ?? root.Prop("msg").AsString()
        ?? root.Prop("error").AsString()
        ?? root.Prop("error").Prop("message").AsString()
        ?? root.Prop("detail").AsString();

    private static bool IsDuplicateId(string? message) =>
        message is not null
        && (message.Contains("duplicate", StringComparison.OrdinalIgnoreCase)
            || message.Contains("already exists", StringComparison.OrdinalIgnoreCase));
}
