using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Nemo.Client;
using Nemo.Simulator;

namespace Nemo.Conversions.Tests.Api;

/// <summary>Nemo clients for the API tests: over a canned HTTP answer, or against a simulator on loopback.</summary>
internal static class ApiTestClients
{
    /// <summary>A client whose every Nemo call gets <paramref name="status"/> with <paramref name="body"/>.</summary>
    public static NemoClient Answering(HttpStatusCode status, string body)
    {
        var handler = new CannedHandler(status, body);
        var options = new NemoClientOptions
        {
            BaseAddress = new Uri("http://nemo.test"),
            MaxRetries = 0,
            BaseDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(1),
        };
        return new NemoClient(new HttpClient(handler), options, new ConfiguredNemoTokenSource("nmv_usr_test-token-123"));
    }

    /// <summary>A simulator and a client built the way an application builds it (<c>AddNemoClient</c>).</summary>
    public static async Task<(NemoSimulator Simulator, ServiceProvider Services, NemoClient Client, string Directory)> StartSimulatorAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "nemo-api-tests-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var simulator = await NemoSimulator.StartAsync(new SimulatorOptions { Seed = 7, TimeScale = 0.01, UseFfmpeg = false, StorageDirectory = directory });
        var services = new ServiceCollection();
        services.AddNemoClient(o =>
        {
            o.BaseAddress = simulator.BaseAddress;
            o.TokenStorePath = Path.Combine(directory, "token.json");
            o.BaseDelay = TimeSpan.FromMilliseconds(5);
            o.MaxRetryDelay = TimeSpan.FromMilliseconds(50);
        });
        var provider = services.BuildServiceProvider();
        return (simulator, provider, provider.GetRequiredService<NemoClient>(), directory);
    }

    private sealed class CannedHandler(HttpStatusCode status, string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
    }
}
