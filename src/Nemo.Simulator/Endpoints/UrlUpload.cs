using System.Text.Json.Nodes;

namespace Nemo.Simulator;

/// <summary>The URL mode of the upload endpoint: each URL is fetched (loopback only by default) and streamed to disk.</summary>
internal static class UrlUpload
{
    public static async Task<UploadOutcome> ReadAsync(HttpContext context, SimulatorRuntime runtime, SessionRecord session, long limit, List<UploadRecord> uploads)
    {
        var body = await RequestJson.ReadAsync(context);
        if (body?["urls"] is not JsonArray urls || urls.Count == 0)
        {
            return UploadOutcome.Invalid("Expected {\"urls\":[…],\"source_type\":\"url\"}");
        }

        foreach (var item in urls)
        {
            if (RequestJson.String(item) is not { } text || !Uri.TryCreate(text, UriKind.Absolute, out var uri))
            {
                return UploadOutcome.Invalid("Not an absolute URL");
            }

            if (!runtime.Fetcher.IsAllowed(uri))
            {
                return UploadOutcome.Invalid("URL not allowed by the simulator (loopback only): " + uri.GetLeftPart(UriPartial.Path));
            }

            HttpResponseMessage response;
            try
            {
                response = await runtime.Fetcher.GetAsync(uri, context.RequestAborted);
            }
            catch (HttpRequestException exception)
            {
                Log.UrlFetchFailed(runtime.Logger, exception.Message);
                return UploadOutcome.Invalid("Could not fetch " + uri.GetLeftPart(UriPartial.Path));
            }

            using (response)
            {
                if (!response.IsSuccessStatusCode)
                {
                    return UploadOutcome.Invalid($"Could not fetch {uri.GetLeftPart(UriPartial.Path)}: HTTP {(int)response.StatusCode}");
                }

                if (response.Content.Headers.ContentLength > limit)
                {
                    return UploadOutcome.Error(NemoCodes.TooLarge, $"File too large: exceeds the limit of {limit / (1024 * 1024)} MB ({limit} bytes)");
                }

                await using var stream = await response.Content.ReadAsStreamAsync(context.RequestAborted);
                var outcome = await UploadEndpoint.StoreAsync(context, runtime, session, stream, UrlFetcher.FileNameOf(uri, response), limit, uploads);
                if (outcome.Code != 0)
                {
                    return outcome;
                }
            }
        }

        return UploadOutcome.Ok;
    }
}
