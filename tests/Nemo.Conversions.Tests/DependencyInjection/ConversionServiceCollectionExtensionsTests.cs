using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nemo.Client;

namespace Nemo.Conversions.Tests.DependencyInjection;

public sealed class ConversionServiceCollectionExtensionsTests
{
    [Fact]
    public void Options_have_documented_defaults_and_are_validated()
    {
        var services = new ServiceCollection().AddConversions(o => o.EventSource = string.Empty);
        using var provider = services.BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ConversionPipelineOptions>>().Value);
        var defaults = new ConversionPipelineOptions();
        Assert.Equal("/nemo/conversions", defaults.EventSource);
        Assert.Equal(TimeSpan.FromMinutes(10), defaults.ReadUrlLifetime);
    }

    [Fact]
    public void Registers_each_service_once()
    {
        var services = new ServiceCollection().AddConversions().AddConversions();

        Assert.Single(services, d => d.ServiceType == typeof(ConversionActivities));
        Assert.Single(services, d => d.ServiceType == typeof(ConversionValidator));
        Assert.Single(services, d => d.ServiceType == typeof(ConversionApi));
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IMediaStore));
    }

    [Fact]
    public void Inside_activities_the_client_sits_out_no_rate_limit_and_retries_briefly()
    {
        var services = new ServiceCollection();
        services.AddNemoClient(o =>
        {
            o.MaxRetries = 5;
            o.MaxRetryDelay = TimeSpan.FromMinutes(1);
            o.BaseDelay = TimeSpan.FromSeconds(20);
            o.MaxRateLimitRetries = 3;
        });
        services.AddConversions();
        using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<IOptions<NemoClientOptions>>().Value;

        Assert.Equal(0, client.MaxRateLimitRetries);
        Assert.Equal(ConversionServiceCollectionExtensions.ActivityMaxRetries, client.MaxRetries);
        Assert.Equal(ConversionServiceCollectionExtensions.ActivityMaxRetryDelay, client.MaxRetryDelay);
        Assert.Equal(ConversionServiceCollectionExtensions.ActivityMaxRetryDelay, client.BaseDelay);
    }
}
