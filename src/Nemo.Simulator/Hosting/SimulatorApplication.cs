using Microsoft.Extensions.Options;

namespace Nemo.Simulator;

/// <summary>Builds the simulator's web application; the standalone host and <see cref="NemoSimulator"/> share it.</summary>
internal static class SimulatorApplication
{
    /// <summary>The standalone app: options from the <c>Simulator</c> section, URLs from <c>--urls</c>.</summary>
    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        var options = new SimulatorOptions();
        builder.Configuration.GetSection(SimulatorOptions.SectionName).Bind(options);
        return Build(builder, options);
    }

    public static WebApplication Build(WebApplicationBuilder builder, SimulatorOptions options)
    {
        var validation = new SimulatorOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(SimulatorOptions.SectionName, typeof(SimulatorOptions), validation.Failures);
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Uploads are limited per profile by the upload endpoint itself, while streaming.
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Limits.MinRequestBodyDataRate = null;
            kestrel.AddServerHeader = false;
        });

        var clock = new ScaledTimeProvider(TimeProvider.System, options.TimeScale);
        var faults = new FaultSet(options.Seed);
        foreach (var fault in options.Faults)
        {
            faults.Add(Fault.From(fault));
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton(faults);
        builder.Services.AddSingleton(new RequestJournal());
        builder.Services.AddSingleton(sp => new SimulatorState(options, clock));
        builder.Services.AddSingleton<SimulatorStorage>();
        builder.Services.AddSingleton<UrlFetcher>();
        builder.Services.AddSingleton<FfmpegRunner>();
        builder.Services.AddSingleton<OutputBuilder>();
        builder.Services.AddSingleton<SimulatorRuntime>();

        var app = builder.Build();
        app.UseRouting();
        app.Use(SimulatorMiddleware.InvokeAsync);
        Map(app);
        return app;
    }

    private static void Map(WebApplication app)
    {
        Tag(app.MapPost("/api/auth/anonymous-token", TokenEndpoint.HandleAsync), SimulatorEndpoint.AnonymousToken);
        Tag(app.MapPost("/api/tasks/me/with-session/nemo_agent", SessionEndpoint.HandleAsync), SimulatorEndpoint.CreateSession);
        Tag(app.MapPost("/api/upload-video/nemo_agent/me/{sessionId}", UploadEndpoint.HandleAsync), SimulatorEndpoint.Upload);
        Tag(app.MapPost("/run_sse", ChatEndpoint.HandleAsync), SimulatorEndpoint.RunSse);
        Tag(app.MapGet("/api/credits/balance/simple", CreditsEndpoint.HandleAsync), SimulatorEndpoint.Credits);
        Tag(app.MapGet("/api/state/nemo_agent/me/{sessionId}/latest", StateEndpoint.HandleAsync), SimulatorEndpoint.State);
        Tag(app.MapPost("/api/render/proxy/lambda", RenderEndpoints.StartAsync), SimulatorEndpoint.RenderStart);
        Tag(app.MapGet("/api/render/proxy/lambda/{renderId}", RenderEndpoints.StatusAsync), SimulatorEndpoint.RenderStatus);
        Tag(app.MapPost("/api/render/proxy/lambda/{renderId}/cancel", RenderEndpoints.CancelAsync), SimulatorEndpoint.RenderCancel);
        Tag(app.MapGet("/api/render/proxy/{renderId}/download", RenderEndpoints.DownloadAsync), SimulatorEndpoint.RenderDownload);
        Tag(app.MapMethods("/cdn/renders/{file}", [HttpMethods.Get, HttpMethods.Head], CdnEndpoints.RenderOutputAsync), SimulatorEndpoint.OutputFile);
        Tag(app.MapMethods("/cdn/uploads/{sessionId}/{file}", [HttpMethods.Get, HttpMethods.Head], CdnEndpoints.UploadedFileAsync), SimulatorEndpoint.OutputFile);
    }

    private static void Tag(IEndpointConventionBuilder endpoint, SimulatorEndpoint tag) => endpoint.WithMetadata(new EndpointTag(tag));
}
