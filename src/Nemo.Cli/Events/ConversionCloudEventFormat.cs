using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using Nemo.Conversions;

namespace Nemo.Cli.Events;

/// <summary>
/// How the file and webhook sinks put a <see cref="ConversionCloudEvent"/> on the wire: as the CloudEvents SDK's
/// <see cref="CloudEvent"/> (which validates every attribute as it is set and the required ones on encoding),
/// in the JSON event format with the result as a JSON object written with <see cref="ConversionJson.Compact"/>.
/// </summary>
internal static class ConversionCloudEventFormat
{
    /// <summary>
    /// Encodes and decodes events whose data is a <see cref="ConversionResult"/> (structured mode for the file and
    /// the webhook's default, the data alone in binary mode).
    /// </summary>
    public static JsonEventFormatter<ConversionResult> Formatter { get; } = new(ConversionJson.Compact, default);

    /// <summary>The SDK's event for <paramref name="cloudEvent"/>: the same attributes, the result as its data.</summary>
    /// <param name="cloudEvent">The event to convert.</param>
    /// <exception cref="ArgumentException">
    /// An attribute is not valid CloudEvents 1.0 (an empty id, type or subject, a content type that is not a media type,
    /// a spec version the SDK does not know).
    /// </exception>
    public static CloudEvent ToCloudEvent(ConversionCloudEvent cloudEvent)
    {
        ArgumentNullException.ThrowIfNull(cloudEvent);
        var specVersion = CloudEventsSpecVersion.FromVersionId(cloudEvent.SpecVersion)
            ?? throw new ArgumentException($"Unsupported CloudEvents spec version '{cloudEvent.SpecVersion}'.", nameof(cloudEvent));
        return new CloudEvent(specVersion)
        {
            Id = cloudEvent.Id,
            Source = new Uri(cloudEvent.Source, UriKind.RelativeOrAbsolute),
            Type = cloudEvent.Type,
            Subject = cloudEvent.Subject,
            Time = cloudEvent.Time,
            DataContentType = cloudEvent.DataContentType,
            Data = cloudEvent.Data,
        };
    }
}
