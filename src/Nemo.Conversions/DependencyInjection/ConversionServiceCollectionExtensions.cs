using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nemo.Client;

namespace Nemo.Conversions;

/// <summary>Registers the conversion pipeline's services.</summary>
public static class ConversionServiceCollectionExtensions
{
    /// <summary>Transient retries the client makes inside one activity, at most; the orchestration retries the step after that.</summary>
    public const int ActivityMaxRetries = 2;

    /// <summary>The longest backoff the client sleeps inside one activity between two attempts.</summary>
    public static readonly TimeSpan ActivityMaxRetryDelay = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Registers <see cref="ConversionActivities"/>, <see cref="ConversionValidator"/>, <see cref="ConversionApi"/> (with
    /// its named import <see cref="HttpClient"/>), <see cref="TimeProvider.System"/> unless one is registered, and
    /// validated <see cref="ConversionPipelineOptions"/> (checked at startup). The host registers
    /// <see cref="IMediaStore"/>, <see cref="ISpendLedger"/>, <see cref="IConversionEventSink"/>,
    /// <see cref="IConversionScheduler"/> and the Nemo client (<c>AddNemoClient</c>).
    /// </summary>
    /// <remarks>
    /// Durable timers own every long wait. Inside the pipeline's activities the client makes at most
    /// <see cref="ActivityMaxRetries"/> quick retries, <see cref="ActivityMaxRetryDelay"/> apart at most, and sits out no
    /// rate limit: a 429 comes back at once as a step failure carrying <c>Retry-After</c>, and the orchestration waits
    /// on a timer, which costs nothing while it waits. So no activity sleeps more than about 20 s, whatever the client's
    /// own options say.
    /// </remarks>
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
        services.PostConfigure<NemoClientOptions>(client =>
        {
            client.MaxRateLimitRetries = 0;
            client.MaxRetries = Math.Min(client.MaxRetries, ActivityMaxRetries);
            client.MaxRetryDelay = client.MaxRetryDelay < ActivityMaxRetryDelay ? client.MaxRetryDelay : ActivityMaxRetryDelay;
            client.BaseDelay = client.BaseDelay < client.MaxRetryDelay ? client.BaseDelay : client.MaxRetryDelay;
        });
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
