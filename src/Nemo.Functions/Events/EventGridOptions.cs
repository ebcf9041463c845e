namespace Nemo.Functions.Events;

/// <summary>Where completion events go (configuration section <c>Events</c>).</summary>
public sealed class EventGridOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string SectionName = "Events";

    /// <summary>
    /// The Event Grid topic endpoint, e.g. <c>https://topic.region-1.eventgrid.azure.net/api/events</c>, published to
    /// with the app's identity (role <c>EventGrid Data Sender</c>). Default none: events are only logged, and the result
    /// files remain the record of every conversion.
    /// </summary>
    public Uri? TopicEndpoint { get; set; }
}
