using System.Text.Json;

namespace Nemo.Conversions;

/// <summary>Writes a job's <c>&lt;job&gt;/summary.json</c>: after its items ran, or in their place when it was refused.</summary>
public static class BatchSummaries
{
    /// <summary>Writes <paramref name="summary"/> into the output area; returns its key.</summary>
    public static async Task<string> WriteAsync(IMediaStore store, BatchSummary summary, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(summary);
        var saved = await store.WriteOutputAsync(
            ConversionNames.Summary(summary.Name),
            "application/json",
            (stream, token) => JsonSerializer.SerializeAsync(stream, summary, ConversionJson.Options, token),
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return saved.Key;
    }

    /// <summary>The summary of a job refused before any item started (a manifest that does not parse, too many items).</summary>
    public static BatchSummary Refused(string jobName, string reason) => new(jobName, 0, 0, [], reason);
}
