using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Nemo.Cli.Runtime;
using Nemo.Conversions;
using Nemo.Functions.Configuration;

namespace Nemo.Functions.Tests.Engine;

/// <summary>
/// The other engine: <c>nemo</c>'s journaled local runtime running the same orchestrations and activities over the
/// Functions app's own services (<see cref="NemoFunctionsApp.AddNemoFunctionsApp"/>: the blob store, ledger and token
/// store on Azurite, the client against the simulator), in real time like the Durable engine. Only the engine differs.
/// </summary>
internal sealed class LocalRuntimeHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string _stateDirectory;

    private LocalRuntimeHost(IHost host, LocalOrchestrationRuntime runtime, string stateDirectory)
    {
        _host = host;
        Runtime = runtime;
        _stateDirectory = stateDirectory;
    }

    public LocalOrchestrationRuntime Runtime { get; }

    public static async Task<LocalRuntimeHost> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var host = FunctionsAppHost.CreateAppBuilder(settings).Build();
        await host.StartAsync();
        var state = Path.Combine(Path.GetTempPath(), "nemo-local-engine-" + Guid.NewGuid().ToString("N"));
        var runtime = new LocalOrchestrationRuntime(
            new LocalRuntimeOptions { StateDirectory = state },
            host.Services,
            ConversionWorkflow.Orchestrators,
            ConversionWorkflow.Activities,
            TimeProvider.System,
            host.Services.GetRequiredService<ILoggerFactory>());
        await runtime.StartAsync();
        return new LocalRuntimeHost(host, runtime, state);
    }

    public async ValueTask DisposeAsync()
    {
        await Runtime.DisposeAsync();
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
        try
        {
            Directory.Delete(_stateDirectory, recursive: true);
        }
        catch (IOException)
        {
            // In the temp folder: left for the system to clear.
        }
    }
}
