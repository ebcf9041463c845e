using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nemo.Conversions;
using Nemo.Functions.Durable;
using Nemo.Functions.Http;

namespace Nemo.Functions.Configuration;

/// <summary>Registers the Functions shell's own services: the Durable scheduler and the per-invocation HTTP API.</summary>
public static class FunctionsServiceCollectionExtensions
{
    /// <summary>
    /// Registers validated <see cref="SchedulerOptions"/> (section <c>Scheduler</c>, checked at startup),
    /// <see cref="ConversionSchedulerFactory"/> and <see cref="ConversionApiFactory"/>. Call after <c>AddConversions</c>:
    /// its container-wide <see cref="ConversionApi"/> is removed, because the API's scheduler needs the invocation's
    /// <c>[DurableClient]</c>, which the container does not have.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The app's configuration.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddNemoFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SchedulerOptions>()
            .Bind(configuration.GetSection(SchedulerOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ConversionSchedulerFactory>();

        // Transient: it holds the typed NemoClient, whose HttpClient the factory recycles.
        services.TryAddTransient<ConversionApiFactory>();
        services.RemoveAll<ConversionApi>();
        return services;
    }
}
