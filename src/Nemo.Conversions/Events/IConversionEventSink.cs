namespace Nemo.Conversions;

/// <summary>Where completion and failure events go: a file or webhook locally, an Event Grid topic in Azure.</summary>
public interface IConversionEventSink
{
    /// <summary>Publishes one CloudEvent.</summary>
    Task PublishAsync(ConversionCloudEvent cloudEvent, CancellationToken cancellationToken = default);
}
