using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nemo.Client;
using Nemo.Conversions;
using Nemo.Functions.Storage;

namespace Nemo.Functions.Configuration;

/// <summary>
/// The app's services, in one place: what <c>Program.cs</c> registers on the Functions host and what the tests register
/// when they run the app's functions on the Durable Task engine in-process, so both run the same composition.
/// </summary>
public static class NemoFunctionsApp
{
    /// <summary>
    /// Registers the worker serializer (the pipeline's one JSON shape for orchestration inputs, outputs, custom status
    /// and activity payloads: the Durable extension wraps <see cref="WorkerOptions.Serializer"/> as its data converter),
    /// the Azure storage services, the Nemo client, the conversion pipeline and the shell's own services.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The app's configuration (root).</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddNemoFunctionsApp(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<WorkerOptions>(options => options.Serializer = new JsonObjectSerializer(ConversionJson.Compact));

        // Storage first: its blob-backed token store takes precedence over the client's file store (AddNemoClient uses TryAdd).
        services.AddNemoAzureStorage(configuration);
        services.AddNemoClient(configuration.GetSection("Nemo"));
        services.AddConversions(configuration.GetSection(ConversionPipelineOptions.SectionName));
        services.AddNemoFunctions(configuration);
        return services;
    }
}
