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

    /// <summary>
    /// Writes <c>&lt;job&gt;/summary.json</c> for a job refused before it started, saying why; nothing when the job's
    /// name is itself unusable as an output name (the refusal says so, and there is nowhere safe to write it).
    /// </summary>
    /// <returns>Whether the summary was written.</returns>
    public static async Task<bool> WriteRefusalAsync(IMediaStore store, string jobName, string reason, CancellationToken cancellationToken = default)
    {
        if (!ConversionNames.IsValid(jobName, out _))
        {
            return false;
        }

        await WriteAsync(store, Refused(jobName, reason), cancellationToken).ConfigureAwait(false);
        return true;
    }
}
