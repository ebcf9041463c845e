using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Nemo.Client;

/// <summary>Registers <see cref="NemoClient"/> and its collaborators.</summary>
public static class NemoClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="NemoClient"/> as a typed HTTP client with validated
    /// <see cref="NemoClientOptions"/> (checked at startup), <see cref="TimeProvider.System"/> unless one
    /// is registered, a <see cref="FileNemoTokenStore"/> and a token source: the configured token when
    /// <see cref="NemoClientOptions.Token"/> is set, otherwise a persisted anonymous token. Existing
    /// registrations of <see cref="TimeProvider"/>, <see cref="INemoTokenStore"/> and
    /// <see cref="INemoTokenSource"/> are kept.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets options; may be called with options already bound from configuration.</param>
    /// <returns>The HTTP client builder, to add handlers.</returns>
    public static IHttpClientBuilder AddNemoClient(this IServiceCollection services, Action<NemoClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<NemoClientOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NemoClientOptions>, NemoClientOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<INemoTokenStore>(sp =>
            new FileNemoTokenStore(sp.GetRequiredService<IOptions<NemoClientOptions>>().Value.TokenStorePath ?? FileNemoTokenStore.DefaultPath));
        services.TryAddSingleton<INemoTokenSource>(CreateTokenSource);

        var builder = services
            .AddHttpClient(NemoClient.HttpClientName)
            // The client applies its own timeouts through TimeProvider; HttpClient's would cut chat streams.
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan);

        if (!services.Any(d => d.ServiceType == typeof(NemoClient)))
        {
            builder.AddTypedClient((http, sp) => new NemoClient(
                http,
                sp.GetRequiredService<IOptions<NemoClientOptions>>().Value,
                sp.GetRequiredService<INemoTokenSource>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetService<ILogger<NemoClient>>()));
        }

        return builder;
    }

    /// <summary>
    /// Registers the client as <see cref="AddNemoClient(IServiceCollection, Action{NemoClientOptions}?)"/>
    /// does, binding <see cref="NemoClientOptions"/> from <paramref name="configuration"/> (e.g. the
    /// <c>Nemo</c> section) before <paramref name="configure"/> runs.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section holding the options.</param>
    /// <param name="configure">Further changes after binding.</param>
    /// <returns>The HTTP client builder.</returns>
    public static IHttpClientBuilder AddNemoClient(this IServiceCollection services, IConfiguration configuration, Action<NemoClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<NemoClientOptions>().Bind(configuration);
        return services.AddNemoClient(configure);
    }

    private static INemoTokenSource CreateTokenSource(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<NemoClientOptions>>().Value;
        if (!string.IsNullOrWhiteSpace(options.Token))
        {
            return new ConfiguredNemoTokenSource(options.Token);
        }

        return new AnonymousNemoTokenSource(
            services.GetRequiredService<IHttpClientFactory>().CreateClient(NemoClient.HttpClientName),
            options,
            services.GetRequiredService<INemoTokenStore>(),
            services.GetRequiredService<TimeProvider>(),
            services.GetService<ILogger<AnonymousNemoTokenSource>>());
    }
}
