using System.Net;
using System.Text.Json;

namespace Nemo.Client;

/// <summary>
/// Reads both envelopes and turns every error shape (HTTP 200 with <c>code != 0</c>, 4xx/5xx with an
/// envelope, a non-JSON body, <c>success:false</c>) into a classified <see cref="NemoApiException"/>.
/// </summary>
internal static class NemoResponseReader
{
    /// <summary>
    /// The largest JSON body read. Envelopes (even a state with a long draft) are far smaller; a larger
    /// body is a misbehaving server or proxy, and is refused rather than buffered.
    /// </summary>
    public const int MaxBodyBytes = 16 * 1024 * 1024;

    public static async Task<JsonElement> ReadAsync(
        HttpResponseMessage response,
        NemoEnvelope envelope,
        NemoErrorContext context,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var body = await ReadBoundedAsync(response.Content, context, cancellationToken).ConfigureAwait(false);
        return Interpret(response, body.GetBuffer().AsSpan(0, (int)body.Length), envelope, context, timeProvider);
    }

    private static async Task<MemoryStream> ReadBoundedAsync(HttpContent content, NemoErrorContext context, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > MaxBodyBytes)
        {
            throw Protocol(context, null, "Nemo answered with a response body too large to be an API response.");
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var body = new MemoryStream();
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (body.Length + read > MaxBodyBytes)
                {
                    throw Protocol(context, null, "Nemo answered with a response body too large to be an API response.");
                }

                body.Write(buffer, 0, read);
            }

            return body;
        }
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
            if (envelope == NemoEnvelope.RenderStart && status == HttpStatusCode.Conflict)
            {
                throw new DuplicateRenderIdException(status, context.Operation) { Operation = context.Operation };
            }

            if (!response.IsSuccessStatusCode)
            {
                throw NemoErrors.Create(status, null, null, context, retryAfter);
            }

            throw Protocol(context, status, "Nemo answered with a body that is not a JSON object.");
        }

        var message = MessageOf(json);
        var code = json.Prop("code").AsInt();
        if (envelope == NemoEnvelope.RenderStart
            && (status == HttpStatusCode.Conflict || code == (int)HttpStatusCode.Conflict || (IsFailure(json, code) && IsDuplicateId(message))))
        {
            throw new DuplicateRenderIdException(status, context.Operation) { Operation = context.Operation };
        }

        if (code is { } nemoCode && nemoCode != 0)
        {
            throw NemoErrors.Create(status, nemoCode, message, context, retryAfter);
        }

        if (json.Prop("success").AsBool() == false)
        {
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

    private static bool IsFailure(JsonElement json, int? code) =>
        json.Prop("success").AsBool() == false || code is { } c && c != 0;

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
