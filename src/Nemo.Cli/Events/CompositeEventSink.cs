using Nemo.Conversions;

namespace Nemo.Cli.Events;

/// <summary>
/// Publishes each event to every configured sink in turn (file, then webhook): a sink that fails does not keep the
/// event from the others, and the failures are reported together afterwards.
/// </summary>
/// <param name="sinks">The sinks; none is fine (events are then only in the result files).</param>
public sealed class CompositeEventSink(IReadOnlyList<IConversionEventSink> sinks) : IConversionEventSink
{
    /// <summary>The sinks events go to.</summary>
    public IReadOnlyList<IConversionEventSink> Sinks { get; } = sinks ?? throw new ArgumentNullException(nameof(sinks));

    /// <inheritdoc />
    public async Task PublishAsync(ConversionCloudEvent cloudEvent, CancellationToken cancellationToken = default)
    {
        List<string>? failures = null;
        foreach (var sink in Sinks)
        {
            try
            {
                await sink.PublishAsync(cloudEvent, cancellationToken);
            }
            catch (EventDeliveryException ex)
            {
                (failures ??= []).Add(ex.Message);
            }
        }

        if (failures is not null)
        {
            throw new EventDeliveryException(string.Join("; ", failures));
        }
    }
}
