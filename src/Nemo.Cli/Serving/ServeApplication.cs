using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Nemo.Conversions;

namespace Nemo.Cli.Serving;

/// <summary>
/// <c>nemo serve</c>'s ASP.NET Core app: translates HTTP into <see cref="ConversionApi"/> calls, the same routes the
/// Functions app exposes. Errors are RFC 7807 problem details; the optional API key guards every route but health.
/// </summary>
internal static class ServeApplication
{
    /// <summary>The largest request accepted (a multipart upload of several large images); JSON bodies have a far lower limit of their own.</summary>
    private const long MaxRequestBytes = ConversionLimits.MaxMultipartBodyBytes;

    public static WebApplication Build(ConversionApi api, ApiKeyCheck apiKey, string urls, ILoggerFactory loggerFactory)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(ServeApplication).Assembly.GetName().Name });
        builder.WebHost.UseUrls(urls);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBytes);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, Hosting.CommandLifetime>();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.Configure<FormOptions>(form => form.MultipartBodyLengthLimit = MaxRequestBytes);
        builder.Services.AddProblemDetails();
        var app = builder.Build();
        var logger = loggerFactory.CreateLogger("Nemo.Cli.Serve");
        app.UseExceptionHandler();
        app.Use(async (context, next) =>
        {
            if (!apiKey.IsAllowed(context.Request))
            {
                Log.ApiKeyRejected(logger, context.Request.Path);
                await WriteAsync(context, Problem(401, "Unauthorized", "A valid API key is required (x-functions-key header or ?code=)."));
                return;
            }

            await next(context);
        });

        var routes = app.MapGroup("/api");
        routes.MapPost("/conversions", (HttpContext context) => CreateAsync(api, context));
        routes.MapGet("/conversions/{id}", async (string id, HttpContext context) => await WriteAsync(context, await api.GetAsync(id, context.RequestAborted)));
        routes.MapGet("/conversions", async (HttpContext context, int? max) => await WriteAsync(context, await api.ListAsync(Math.Clamp(max ?? 100, 1, 1000), context.RequestAborted)));
        routes.MapPost("/conversions/{id}/cancel", async (string id, HttpContext context) => await WriteAsync(context, await api.CancelAsync(id, context.RequestAborted)));
        routes.MapGet("/credits", async (HttpContext context) => await WriteAsync(context, await api.GetCreditsAsync(context.RequestAborted)));
        routes.MapGet("/health", (HttpContext context) => WriteAsync(context, api.Health()));
        app.MapFallback((HttpContext context) => WriteAsync(context, Problem(404, "Not Found", $"No route {context.Request.Method} {context.Request.Path}.")));
        return app;
    }

    /// <summary>The addresses the started app listens on.</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app) =>
        [.. app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []];

    /// <summary>Whether every URL binds to a loopback address.</summary>
    public static bool IsLoopbackOnly(string urls) =>
        urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).All(url =>
            Uri.TryCreate(url.Replace("*", "0.0.0.0", StringComparison.Ordinal).Replace("+", "0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            && (uri.IsLoopback || uri.Host == "localhost"));

    private static async Task CreateAsync(ConversionApi api, HttpContext context)
    {
        var request = context.Request;
        string? idempotencyKey = request.Headers["Idempotency-Key"];
        idempotencyKey = string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey.Trim();
        if (request.HasFormContentType)
        {
            await CreateFromFormAsync(api, context, idempotencyKey);
            return;
        }

        await WriteAsync(context, await api.CreateFromJsonAsync(request.Body, request.ContentLength, idempotencyKey, context.RequestAborted));
    }

    private static async Task CreateFromFormAsync(ConversionApi api, HttpContext context, string? idempotencyKey)
    {
        // Files above the form's memory threshold are buffered to temporary files by ASP.NET Core, never in memory.
        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            await WriteAsync(context, ConversionApi.MultipartBodyTooLarge());
            return;
        }

        var upload = new FormUpload(
            [.. form.Files.Where(f => FormUpload.IsImageField(f.Name)).Select(f => new FormPart(f.FileName, f.OpenReadStream))],
            Field(form, "prompt"),
            Field(form, "profile"),
            Field(form, "options"),
            Field(form, "name"));
        await WriteAsync(context, await api.CreateFromFormAsync(upload, idempotencyKey, context.RequestAborted));
    }

    private static string? Field(IFormCollection form, string name) =>
        form.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value.ToString() : null;

    private static ApiResponse Problem(int status, string title, string detail) =>
        new(status, new ApiProblem("about:blank", title, status, detail));

    private static async Task WriteAsync(HttpContext context, ApiResponse response)
    {
        context.Response.StatusCode = response.StatusCode;
        if (response.Location is { } location)
        {
            context.Response.Headers.Location = location;
        }

        if (response.Body is not null)
        {
            context.Response.ContentType = response.ContentType;
            await response.WriteBodyAsync(context.Response.Body, context.RequestAborted);
        }
    }
}
