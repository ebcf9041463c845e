using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nemo.Functions.Configuration;
using Nemo.Functions.Http;
using Nemo.Functions.Triggers;

namespace Nemo.Functions.Tests.Engine;

/// <summary>
/// The Functions app as the worker runs it, minus the Functions host: the app's own composition
/// (<see cref="NemoFunctionsApp.AddNemoFunctionsApp"/>) from settings shaped like <c>local.settings.json</c>, its
/// orchestrator and activity functions registered with a Durable Task worker (<see cref="FunctionTasks"/>), payloads in
/// the app's serializer (<see cref="ObjectSerializerDataConverter"/>), connected over gRPC to a
/// <see cref="DurableSidecar"/>; and the app's entry points — the blob trigger and the HTTP functions — called with the
/// bindings the host would give them: a <see cref="BlobClient"/> and the real <see cref="DurableTaskClient"/>.
/// </summary>
internal sealed class FunctionsAppHost : IAsyncDisposable
{
    private readonly IHost _host;

    private FunctionsAppHost(IHost host)
    {
        _host = host;
        Client = host.Services.GetRequiredService<DurableTaskClient>();
    }

    /// <summary>The Durable client the host would bind to <c>[DurableClient]</c> parameters.</summary>
    public DurableTaskClient Client { get; }

    public IServiceProvider Services => _host.Services;

    /// <summary>Starts the app's worker against <paramref name="sidecar"/> with <paramref name="settings"/> (keys as in configuration, <c>:</c>-separated).</summary>
    public static async Task<FunctionsAppHost> StartAsync(
        DurableSidecar sidecar,
        IReadOnlyDictionary<string, string?> settings,
        Action<IServiceCollection>? configureServices = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sidecar);
        var builder = CreateAppBuilder(settings);

        // The Durable extension's startup: payloads in the worker serializer, for the worker and the client alike.
        builder.Services.AddSingleton<IPostConfigureOptions<DurableTaskWorkerOptions>>(sp =>
            new PostConfigureOptions<DurableTaskWorkerOptions>(null, o => o.DataConverter = Converter(sp)));
        builder.Services.AddSingleton<IPostConfigureOptions<DurableTaskClientOptions>>(sp =>
            new PostConfigureOptions<DurableTaskClientOptions>(null, o => o.DataConverter = Converter(sp)));
        builder.Services.AddDurableTaskWorker(worker => worker
            .AddTasks(registry => registry.AddFunctionsOf(typeof(BlobDropTrigger).Assembly))
            .UseGrpc(sidecar.Channel));
        builder.Services.AddDurableTaskClient(client => client.UseGrpc(sidecar.Channel).RegisterDirectly());
        configureServices?.Invoke(builder.Services);

        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new FunctionsAppHost(host);

        static ObjectSerializerDataConverter Converter(IServiceProvider services) =>
            new(services.GetRequiredService<IOptions<WorkerOptions>>().Value.Serializer
                ?? throw new InvalidOperationException("The app sets no worker serializer."));
    }

    /// <summary>The app's own composition from <paramref name="settings"/>, as <c>Program.cs</c> makes it, before any engine is added.</summary>
    public static HostApplicationBuilder CreateAppBuilder(IReadOnlyDictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,

            // What the Functions host uses locally: scopes and registrations validated when the container is built.
            EnvironmentName = Environments.Development,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddNemoFunctionsApp(builder.Configuration);
        return builder;
    }

    /// <summary>
    /// The blob trigger, as Event Grid's <c>BlobCreated</c> invokes it: <c>OnInputBlobCreated</c> with a client for
    /// <paramref name="blob"/> and the Durable client, in an invocation scope of its own.
    /// </summary>
    public async Task TriggerBlobCreatedAsync(BlobClient blob, CancellationToken cancellationToken = default)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var trigger = ActivatorUtilities.CreateInstance<BlobDropTrigger>(scope.ServiceProvider);
        await trigger.RunAsync(blob, Client, cancellationToken);
    }

    /// <summary>One HTTP function invocation, in a scope of its own; the result is executed as the host would.</summary>
    public async Task<HttpAnswer> InvokeHttpAsync(
        Func<ConversionHttpFunctions, HttpRequest, DurableTaskClient, Task<IActionResult>> function,
        Action<HttpRequest>? configureRequest = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        await using var scope = _host.Services.CreateAsyncScope();
        var functions = ActivatorUtilities.CreateInstance<ConversionHttpFunctions>(scope.ServiceProvider);
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        configureRequest?.Invoke(context.Request);
        var result = await function(functions, context.Request, Client);
        using var body = new MemoryStream();
        context.Response.Body = body;
        await result.ExecuteResultAsync(new ActionContext { HttpContext = context });
        var text = Encoding.UTF8.GetString(body.ToArray());
        return new HttpAnswer(
            context.Response.StatusCode,
            context.Response.Headers.Location.ToString(),
            text.Length == 0 ? null : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>
    /// Waits for <paramref name="instanceId"/> to finish, sampling its custom status meanwhile; returns the final
    /// metadata (inputs and outputs) and every distinct <c>stage</c> the status went through, in order.
    /// </summary>
    public async Task<(OrchestrationMetadata Instance, IReadOnlyList<string> Stages)> WaitForCompletionAsync(
        string instanceId, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        var stages = new List<string>();
        var completion = Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, deadline.Token);
        while (!completion.IsCompleted)
        {
            if (await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, deadline.Token) is { SerializedCustomStatus: { } status }
                && JsonDocument.Parse(status).RootElement.TryGetProperty("stage", out var stage)
                && stage.GetString() is { } name
                && (stages.Count == 0 || stages[^1] != name))
            {
                stages.Add(name);
            }

            await Task.WhenAny(completion, Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token));
        }

        return (await completion, stages);
    }

    /// <summary>
    /// The worker process dies: the host stops with no time to finish anything (its work-item stream and in-flight
    /// function calls are cancelled, nothing is completed or abandoned on the engine) and is gone.
    /// </summary>
    public async Task CrashAsync()
    {
        using var noGrace = new CancellationTokenSource();
        await noGrace.CancelAsync();
        try
        {
            await _host.StopAsync(noGrace.Token);
        }
        catch (OperationCanceledException)
        {
            // Nothing was given time to stop: that is the point.
        }

        _host.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
    }
}

/// <summary>What an HTTP function answered: status, <c>Location</c> and the JSON body.</summary>
internal sealed record HttpAnswer(int Status, string Location, JsonElement? Body);
