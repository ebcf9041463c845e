using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nemo.Client.Tests.Testing;

namespace Nemo.Client.Tests.DependencyInjection;

public sealed class NemoClientServiceCollectionExtensionsTests
{
    [Fact]
    public async Task Resolves_a_working_client_with_a_configured_token()
    {
        var handler = new RecordingHandler();
        handler.RespondData("""{"available":1,"frozen":0,"total":1}""");
        var services = new ServiceCollection();
        services.AddNemoClient(o =>
            {
                o.BaseAddress = new Uri("https://nemo.test");
                o.Token = "nmv_configured";
                o.Profile = "ezgif";
            })
            .ConfigurePrimaryHttpMessageHandler(() => handler);
        using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<NemoClient>();
        await client.GetCreditsAsync();

        Assert.IsType<ConfiguredNemoTokenSource>(provider.GetRequiredService<INemoTokenSource>());
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        Assert.Equal(NemoProfiles.Ezgif, client.Profile);
        var request = Assert.Single(handler.Requests);
        Assert.Equal("Bearer nmv_configured", request.Header("Authorization"));
        Assert.Equal("https://nemo.test/api/credits/balance/simple", request.Uri.ToString());
    }

    [Fact]
    public void Without_a_token_the_anonymous_source_and_file_store_are_used()
    {
        var services = new ServiceCollection();
        var path = Path.Combine(Path.GetTempPath(), "nemo-di-" + Guid.NewGuid().ToString("N"), "t.json");
        services.AddNemoClient(o => o.TokenStorePath = path);
        using var provider = services.BuildServiceProvider();

        Assert.IsType<AnonymousNemoTokenSource>(provider.GetRequiredService<INemoTokenSource>());
        var store = Assert.IsType<FileNemoTokenStore>(provider.GetRequiredService<INemoTokenStore>());
        Assert.Equal(path, store.Path);
    }

    [Fact]
    public void Existing_registrations_are_kept()
    {
        var time = new FakeTimeProvider();
        var tokens = new ConfiguredNemoTokenSource("x");
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton<INemoTokenSource>(tokens);
        services.AddNemoClient();
        services.AddNemoClient();
        using var provider = services.BuildServiceProvider();

        Assert.Same(time, provider.GetRequiredService<TimeProvider>());
        Assert.Same(tokens, provider.GetRequiredService<NemoClient>().TokenSource);
        Assert.Single(services, d => d.ServiceType == typeof(NemoClient));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<NemoClientOptions>) && d.ImplementationType == typeof(NemoClientOptionsValidator));
    }

    [Fact]
    public void Invalid_options_fail_validation_with_data_annotations_and_cross_field_rules()
    {
        var services = new ServiceCollection();
        services.AddNemoClient(o =>
        {
            o.SkillPlatform = "vscode";
            o.Profile = "nope";
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<NemoClientOptions>>().Value);
        Assert.Contains(error.Failures, f => f.Contains("SkillPlatform", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Profile 'nope'", StringComparison.Ordinal));
    }

    [Fact]
    public void Validation_runs_on_start()
    {
        var services = new ServiceCollection();
        services.AddNemoClient(o => o.MaxRetries = 99);
        using var provider = services.BuildServiceProvider();

        var validator = provider.GetRequiredService<IStartupValidator>();
        Assert.Throws<OptionsValidationException>(validator.Validate);
    }

    [Fact]
    public void Options_bind_from_configuration()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["BaseAddress"] = "http://127.0.0.1:5080",
                ["Profile"] = "motion-control",
                ["Token"] = "nmv_from_config",
                ["RateLimitMinimumDelay"] = "00:00:45",
                ["MaxRateLimitDelay"] = "00:02:00",
                ["ChatStream:KeepAliveTimeout"] = "00:05:00",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddNemoClient(configuration);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<NemoClientOptions>>().Value;
        Assert.Equal(new Uri("http://127.0.0.1:5080"), options.BaseAddress);
        Assert.Equal(TimeSpan.FromSeconds(45), options.RateLimitMinimumDelay);
        Assert.Equal(TimeSpan.FromMinutes(5), options.ChatStream.KeepAliveTimeout);
        Assert.Equal(NemoProfiles.MotionControl, provider.GetRequiredService<NemoClient>().Profile);
        Assert.IsType<ConfiguredNemoTokenSource>(provider.GetRequiredService<INemoTokenSource>());
    }

    [Fact]
    public void The_http_client_has_no_timeout_of_its_own()
    {
        var services = new ServiceCollection();
        services.AddNemoClient(o => o.Token = "t");
        using var provider = services.BuildServiceProvider();

        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(NemoClient.HttpClientName);
        Assert.Equal(Timeout.InfiniteTimeSpan, http.Timeout);
    }
}
