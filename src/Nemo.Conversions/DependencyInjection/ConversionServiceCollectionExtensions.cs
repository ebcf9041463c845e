using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Nemo.Conversions;

/// <summary>Registers the conversion pipeline's services.</summary>
public static class ConversionServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ConversionActivities"/>, <see cref="ConversionValidator"/>, <see cref="ConversionApi"/> (with
    /// its named import <see cref="HttpClient"/>), <see cref="TimeProvider.System"/> unless one is registered, and
    /// validated <see cref="ConversionPipelineOptions"/> (checked at startup). The host registers
    /// <see cref="IMediaStore"/>, <see cref="ISpendLedger"/>, <see cref="IConversionEventSink"/>,
    /// <see cref="IConversionScheduler"/> and the Nemo client (<c>AddNemoClient</c>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets options, after any binding from configuration.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddConversions(this IServiceCollection services, Action<ConversionPipelineOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ConversionPipelineOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ConversionValidator>();
        services.TryAddSingleton<ConversionActivities>();
        services.AddHttpClient(ConversionApi.ImportClientName);
        services.TryAddSingleton<ConversionApi>();
        return services;
    }

    /// <summary>
    /// Registers the pipeline as <see cref="AddConversions(IServiceCollection, Action{ConversionPipelineOptions}?)"/> does,
    /// binding <see cref="ConversionPipelineOptions"/> from <paramref name="configuration"/> (e.g. the <c>Conversions</c>
    /// section) first.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section holding the options.</param>
    /// <param name="configure">Further changes after binding.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddConversions(this IServiceCollection services, IConfiguration configuration, Action<ConversionPipelineOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ConversionPipelineOptions>().Bind(configuration);
        return services.AddConversions(configure);
    }
}
