using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nemo.Client;
using Nemo.Conversions;
using Nemo.Functions.Configuration;
using Nemo.Functions.Durable;
using Nemo.Functions.Http;
using Nemo.Functions.Storage;

namespace Nemo.Functions.Tests.Http;

public sealed class FunctionsServicesTests
{
    private static ServiceProvider Build(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([
                new("AzureWebJobsStorage", "UseDevelopmentStorage=true"),
                new("NemoStorage:InputContainer", "images-in"),
                .. settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))])
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();

        // The app's own composition, as Program.cs makes it (nothing here contacts storage: the container only builds).
        services.AddNemoFunctionsApp(configuration);

        // What the Functions host does in Development: every registration must be constructible.
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public void The_container_builds_without_a_container_wide_scheduler_and_makes_the_API_per_invocation()
    {
        using var provider = Build();

        Assert.Null(provider.GetService<ConversionApi>());
        Assert.NotNull(provider.GetRequiredService<ConversionSchedulerFactory>());
        Assert.NotNull(provider.GetRequiredService<ConversionApiFactory>());
        Assert.IsType<BlobMediaStore>(provider.GetRequiredService<IMediaStore>());
        Assert.IsType<BlobSpendLedger>(provider.GetRequiredService<ISpendLedger>());
        Assert.IsType<BlobNemoTokenStore>(provider.GetRequiredService<INemoTokenStore>());
        Assert.Equal(TimeSpan.FromDays(30), provider.GetRequiredService<IOptions<SchedulerOptions>>().Value.ListLookback);
    }

    [Fact]
    public void Scheduler_settings_bind_from_configuration_and_are_validated()
    {
        using var bound = Build(("Scheduler:ListLookback", "7.00:00:00"));
        using var invalid = Build(("Scheduler:ListLookback", "00:00:05"));

        Assert.Equal(TimeSpan.FromDays(7), bound.GetRequiredService<IOptions<SchedulerOptions>>().Value.ListLookback);
        var ex = Assert.Throws<OptionsValidationException>(() => invalid.GetRequiredService<IOptions<SchedulerOptions>>().Value);
        Assert.Contains(nameof(SchedulerOptions.ListLookback), ex.Message, StringComparison.Ordinal);
    }
}
