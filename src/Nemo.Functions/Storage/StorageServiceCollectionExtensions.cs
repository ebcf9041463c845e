using Azure.Messaging.EventGrid;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nemo.Client;
using Nemo.Conversions;
using Nemo.Functions.Events;
using Nemo.Functions.Triggers;

namespace Nemo.Functions.Storage;

/// <summary>Registers the Azure storage, completion events and blob trigger services of the Functions app.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers, with options validated at startup: <see cref="BlobMediaStore"/> as <see cref="IMediaStore"/>,
    /// <see cref="BlobSpendLedger"/> as <see cref="ISpendLedger"/>, <see cref="BlobNemoTokenStore"/> as
    /// <see cref="INemoTokenStore"/> (replacing any other, such as the client's file store), the completion event sink
    /// (<see cref="EventGridEventSink"/> when <c>Events:TopicEndpoint</c> is set, otherwise <see cref="LoggingEventSink"/>)
    /// and the blob trigger's <see cref="BlobDropRouter"/>. Binds the sections <c>NemoStorage</c>, <c>Events</c> and
    /// <c>BlobTrigger</c>; the storage account defaults to the host's <c>AzureWebJobsStorage</c> connection.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The app's configuration (root).</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddNemoAzureStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var hostConnection = configuration.GetSection(NemoStorageOptions.HostConnectionName);
        services.AddOptions<NemoStorageOptions>()
            .Bind(configuration.GetSection(NemoStorageOptions.SectionName))
            .PostConfigure(options => UseHostConnection(options, hostConnection))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NemoStorageOptions>, NemoStorageOptionsValidator>());
        services.AddOptions<EventGridOptions>()
            .Bind(configuration.GetSection(EventGridOptions.SectionName))
            .Validate(
                options => options.TopicEndpoint is null || (options.TopicEndpoint.IsAbsoluteUri && options.TopicEndpoint.Scheme == Uri.UriSchemeHttps),
                "Events:TopicEndpoint must be an absolute https address.")
            .ValidateOnStart();
        services.AddOptions<BlobTriggerOptions>()
            .Bind(configuration.GetSection(BlobTriggerOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BlobTriggerOptions>, BlobTriggerOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AzureClients>();
        services.TryAddSingleton<IMediaStore>(sp => new BlobMediaStore(
            sp.GetRequiredService<AzureClients>().Blobs,
            Storage(sp),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<BlobMediaStore>>()));
        services.TryAddSingleton<ISpendLedger>(sp => new BlobSpendLedger(sp.GetRequiredService<AzureClients>().Blobs, Storage(sp)));
        services.RemoveAll<INemoTokenStore>();
        services.AddSingleton<INemoTokenStore>(sp => new BlobNemoTokenStore(
            sp.GetRequiredService<AzureClients>().Blobs, Storage(sp), sp.GetService<ILogger<BlobNemoTokenStore>>()));
        services.TryAddSingleton(CreateEventSink);
        services.TryAddSingleton<BlobDropRouter>();
        return services;
    }

    /// <summary>
    /// Without an account of its own, the store uses the host storage connection, in either of the host's forms: a
    /// connection string as the value, or identity-based <c>blobServiceUri</c> (or <c>accountName</c>) and <c>clientId</c>.
    /// </summary>
    internal static void UseHostConnection(NemoStorageOptions options, IConfigurationSection hostConnection)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString) && options.BlobServiceUri is null)
        {
            if (!string.IsNullOrWhiteSpace(hostConnection.Value))
            {
                options.ConnectionString = hostConnection.Value;
            }
            else if (Uri.TryCreate(hostConnection["blobServiceUri"], UriKind.Absolute, out var serviceUri))
            {
                options.BlobServiceUri = serviceUri;
            }
            else if (hostConnection["accountName"] is { Length: > 0 } accountName)
            {
                options.BlobServiceUri = new Uri($"https://{accountName}.blob.core.windows.net");
            }
        }

        if (string.IsNullOrWhiteSpace(options.ManagedIdentityClientId) && hostConnection["clientId"] is { Length: > 0 } clientId)
        {
            options.ManagedIdentityClientId = clientId;
        }
    }

    private static NemoStorageOptions Storage(IServiceProvider services) =>
        services.GetRequiredService<IOptions<NemoStorageOptions>>().Value;

    private static IConversionEventSink CreateEventSink(IServiceProvider services)
    {
        if (services.GetRequiredService<IOptions<EventGridOptions>>().Value.TopicEndpoint is not { } endpoint)
        {
            return new LoggingEventSink(services.GetService<ILogger<LoggingEventSink>>());
        }

        var client = new EventGridPublisherClient(endpoint, services.GetRequiredService<AzureClients>().Credential);
        return new EventGridEventSink(client, services.GetService<ILogger<EventGridEventSink>>());
    }
}
