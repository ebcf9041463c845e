using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Nemo.Conversions;
using Nemo.Functions.Configuration;

namespace Nemo.Functions.Durable;

/// <summary>
/// Makes an <see cref="IConversionScheduler"/> over the <see cref="DurableTaskClient"/> a function received through its
/// <c>[DurableClient]</c> binding (the client is per invocation in Functions, not a service in the container).
/// </summary>
public sealed class ConversionSchedulerFactory
{
    private readonly TimeProvider _timeProvider;
    private readonly SchedulerOptions _options;

    /// <summary>Creates the factory.</summary>
    /// <param name="timeProvider">The clock for the list window.</param>
    /// <param name="options">The scheduler settings.</param>
    public ConversionSchedulerFactory(TimeProvider timeProvider, IOptions<SchedulerOptions> options)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(options);
        _timeProvider = timeProvider;
        _options = options.Value;
    }

    /// <summary>A scheduler over <paramref name="client"/>.</summary>
    /// <param name="client">The client from the invocation's <c>[DurableClient]</c> binding.</param>
    /// <returns>The scheduler.</returns>
    public IConversionScheduler Create(DurableTaskClient client) =>
        new DurableConversionScheduler(client, _timeProvider, _options.ListLookback);
}
