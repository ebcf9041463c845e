using System.Text.Json;

namespace Nemo.Conversions;

public sealed partial class ConversionActivities
{
    private const int MaxVersions = 1000;

    /// <summary><see cref="ConversionActivityNames.WriteResult"/>: writes <c>&lt;name&gt;[.vN].result.json</c>; returns its key.</summary>
    public async Task<string> WriteResultAsync(ConversionResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        var saved = await _store.WriteOutputAsync(
            ConversionNames.Result(result.Name, result.Version),
            "application/json",
            (stream, token) => JsonSerializer.SerializeAsync(stream, result, ConversionJson.Options, token),
            new Dictionary<string, string> { ["instanceId"] = result.Id },
            cancellationToken).ConfigureAwait(false);
        return saved.Key;
    }

    /// <summary>
    /// <see cref="ConversionActivityNames.PublishEvent"/>: publishes the completion event. Returns null when it was
    /// delivered, else why not (the sinks have retried already; the activity does not throw, so it is not run again and
    /// no sink gets the event twice).
    /// </summary>
    public async Task<string?> PublishEventAsync(ConversionResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        try
        {
            await _events.PublishAsync(ConversionEvents.Create(result, _options.EventSource), cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (EventDeliveryException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>
    /// <see cref="ConversionActivityNames.ReadResult"/>: a conversion's result file — the given version, or the highest
    /// version present — or null when there is none.
    /// </summary>
    public async Task<ConversionResult?> ReadResultAsync(ReadResultInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Version is { } version)
        {
            return await ReadVersionAsync(input.Name, version, cancellationToken).ConfigureAwait(false);
        }

        ConversionResult? latest = null;
        for (var v = 1; v <= MaxVersions; v++)
        {
            var result = await ReadVersionAsync(input.Name, v, cancellationToken).ConfigureAwait(false);
            if (result is null)
            {
                break;
            }

            latest = result;
        }

        return latest;
    }

    /// <summary><see cref="ConversionActivityNames.WriteSummary"/>: writes <c>&lt;batch&gt;/summary.json</c>; returns its key.</summary>
    public async Task<string> WriteSummaryAsync(BatchSummary summary, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return await BatchSummaries.WriteAsync(_store, summary, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ConversionResult?> ReadVersionAsync(string name, int version, CancellationToken cancellationToken)
    {
        var text = await _store.ReadOutputTextAsync(ConversionNames.Result(name, version), cancellationToken).ConfigureAwait(false);
        return text is null ? null : JsonSerializer.Deserialize<ConversionResult>(text, ConversionJson.Options);
    }
}
