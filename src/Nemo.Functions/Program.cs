using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Nemo.Client;
using Nemo.Conversions;
using Nemo.Functions.Configuration;
using Nemo.Functions.Storage;

var builder = FunctionsApplication.CreateBuilder(args);

// ASP.NET Core integration: HTTP functions take HttpRequest and return IActionResult.
builder.ConfigureFunctionsWebApplication();

// The worker sends its own telemetry and logs to Application Insights (APPLICATIONINSIGHTS_CONNECTION_STRING).
builder.Services
    .AddApplicationInsightsTelemetryWorkerService()
    .ConfigureFunctionsApplicationInsights();

// Orchestration inputs, outputs, custom status and activity payloads use the pipeline's one JSON shape.
builder.Services.Configure<WorkerOptions>(options => options.Serializer = new JsonObjectSerializer(ConversionJson.Compact));

// Storage first: its blob-backed token store takes precedence over the client's file store (AddNemoClient uses TryAdd).
builder.Services.AddNemoAzureStorage(builder.Configuration);
builder.Services.AddNemoClient(builder.Configuration.GetSection("Nemo"));
builder.Services.AddConversions(builder.Configuration.GetSection(ConversionPipelineOptions.SectionName));
builder.Services.AddNemoFunctions(builder.Configuration);

builder.Build().Run();
