using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Nemo.Client;
using Nemo.Conversions;
using Nemo.Functions.Configuration;
using Nemo.Functions.Durable;
using Nemo.Functions.Http;
using Nemo.Functions.Storage;
using Nemo.Functions.Tests.Storage;
using Nemo.Functions.Tests.Durable;

namespace Nemo.Functions.Tests.Http;

public sealed class ConversionHttpFunctionsTests : IClassFixture<AzuriteStorage>, IAsyncDisposable
{
    private static readonly DateTimeOffset Noon = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly RecordingDurableTaskClient _client = new();
    private readonly BlobMediaStore _store;
    private readonly BlobSpendLedger _ledger;

    public ConversionHttpFunctionsTests(AzuriteStorage storage)
    {
        _store = new BlobMediaStore(storage.Service, storage.Options);
        _ledger = new BlobSpendLedger(storage.Service, storage.Options);
    }

    private ConversionHttpFunctions Functions(HttpStatusCode nemoStatus = HttpStatusCode.InternalServerError, string nemoBody = "{}") =>
        new(new ConversionApiFactory(
            new ConversionSchedulerFactory(TimeProvider.System, Options.Create(new SchedulerOptions())),
            _store,
            _ledger,
            Nemo(nemoStatus, nemoBody),
            new NoHttpClientFactory(),
            TimeProvider.System));

    public async ValueTask DisposeAsync()
    {
        _store.Dispose();
        await _client.DisposeAsync();
    }

    [Fact]
    public void Routes_methods_and_authorization_match_the_local_API()
    {
        var triggers = typeof(ConversionHttpFunctions).GetMethods()
            .Select(m => (Function: m.GetCustomAttribute<FunctionAttribute>(), Trigger: m.GetParameters()
                .Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).OfType<HttpTriggerAttribute>().SingleOrDefault()))
            .Where(t => t.Function is not null && t.Trigger is not null)
            .ToDictionary(t => t.Function!.Name, t => t.Trigger!, StringComparer.Ordinal);

        Assert.Equal(6, triggers.Count);
        Assert.Equal(("post", "conversions"), Route(triggers["ApiCreateConversion"]));
        Assert.Equal(("get", "conversions"), Route(triggers["ApiListConversions"]));
        Assert.Equal(("get", "conversions/{id}"), Route(triggers["ApiGetConversion"]));
        Assert.Equal(("post", "conversions/{id}/cancel"), Route(triggers["ApiCancelConversion"]));
        Assert.Equal(("get", "credits"), Route(triggers["ApiCredits"]));
        Assert.Equal(("get", "health"), Route(triggers["ApiHealth"]));
        Assert.All(triggers.Where(t => t.Key != "ApiHealth"), t => Assert.Equal(AuthorizationLevel.Function, t.Value.AuthLevel));
        Assert.Equal(AuthorizationLevel.Anonymous, triggers["ApiHealth"].AuthLevel);

        static (string, string?) Route(HttpTriggerAttribute trigger) => (Assert.Single(trigger.Methods!), trigger.Route);
    }

    [Fact]
    public async Task Health_answers_healthy()
    {
        var response = await ExecuteAsync(ConversionHttpFunctions.Health(new DefaultHttpContext().Request));

        Assert.Equal(200, response.Status);
        Assert.Equal("application/json", response.ContentType);
        Assert.Equal("healthy", response.Body?.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_multipart_upload_is_staged_and_scheduled_as_a_conversion_and_answered_202_with_Location()
    {
        var request = Multipart(("prompt", "animate the coffee"), ("options", """{"durationSeconds":8}"""));

        var response = await ExecuteAsync(await Functions().CreateAsync(request, _client));

        Assert.Equal(202, response.Status);
        var id = response.Body?.GetProperty("id").GetString();
        Assert.Matches("^conv-[0-9a-f]{16}$", id);
        Assert.Equal("/api/conversions/" + id, response.Location);
        Assert.Equal("pending", response.Body?.GetProperty("status").GetString());
        var (name, input, options) = Assert.Single(_client.Scheduled);
        Assert.Equal(ConversionWorkflow.Conversion, name);
        Assert.Equal(id, options?.InstanceId);
        var conversion = Assert.IsType<ConversionRequest>(input);
        Assert.Equal("animate the coffee", conversion.Prompt);
        Assert.Equal(8, conversion.Options?.DurationSeconds);
        var staged = Assert.Single(conversion.Images);
        Assert.EndsWith("/coffee.png", staged, StringComparison.Ordinal);
        Assert.Equal(TestImages.Png(1280, 720).Length, (await _store.GetInputInfoAsync(staged))?.Length);
    }

    [Fact]
    public async Task An_image_cut_short_is_a_422_problem_saying_so_and_nothing_is_scheduled()
    {
        var whole = TestImages.Png(1280, 720);
        var request = Multipart(whole[..(whole.Length / 2)], ("prompt", "animate the coffee"));

        var response = await ExecuteAsync(await Functions().CreateAsync(request, _client));

        Assert.Equal(422, response.Status);
        Assert.Contains("coffee.png is cut short: the PNG ends before its image data", response.Body?.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("truncated", response.Body?.GetProperty("errors")[0].GetProperty("rule").GetString());
        Assert.Empty(_client.Scheduled);
    }

    [Fact]
    public async Task The_same_Idempotency_Key_answers_with_the_same_conversion_and_starts_one()
    {
        var first = await ExecuteAsync(await Functions().CreateAsync(WithKey(Multipart(("prompt", "once")), " key-1 "), _client));
        var second = await ExecuteAsync(await Functions().CreateAsync(WithKey(Multipart(("prompt", "once")), "key-1"), _client));

        Assert.Equal(202, first.Status);
        Assert.Equal(202, second.Status);
        Assert.Equal(first.Body?.GetProperty("id").GetString(), second.Body?.GetProperty("id").GetString());
        Assert.Equal(InstanceIds.ForIdempotencyKey("key-1"), first.Body?.GetProperty("id").GetString());
        Assert.Single(_client.Scheduled);
    }

    [Fact]
    public async Task A_body_that_is_neither_JSON_nor_a_form_is_a_400_problem()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = "text/plain";
        context.Request.Body = new MemoryStream("make a video"u8.ToArray());

        var response = await ExecuteAsync(await Functions().CreateAsync(context.Request, _client));

        Assert.Equal(400, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Equal("https://nemo.functions/problems/validation", response.Body?.GetProperty("type").GetString());
        Assert.Empty(_client.Scheduled);
    }

    [Fact]
    public async Task A_JSON_body_over_the_limit_is_a_413_problem_whether_or_not_its_length_was_declared()
    {
        var huge = "{\"images\":[\"https://x/" + new string('a', ConversionLimits.MaxJsonBodyBytes) + "\"],\"prompt\":\"go\"}";
        var declared = Json(huge);
        declared.ContentLength = Encoding.UTF8.GetByteCount(huge);
        var undeclared = Json(huge);

        foreach (var request in new[] { declared, undeclared })
        {
            var response = await ExecuteAsync(await Functions().CreateAsync(request, _client));

            Assert.Equal(413, response.Status);
            Assert.Equal("https://nemo.functions/problems/body-too-large", response.Body?.GetProperty("type").GetString());
            Assert.DoesNotContain("aaaa", response.Body?.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Empty(_client.Scheduled);
    }

    [Fact]
    public async Task A_JSON_body_with_a_bad_image_URL_is_a_400_problem_naming_the_field()
    {
        var response = await ExecuteAsync(await Functions().CreateAsync(Json("""{"images":["ftp://x/y.jpg"],"prompt":"go"}"""), _client));

        Assert.Equal(400, response.Status);
        var error = Assert.Single(response.Body!.Value.GetProperty("errors").EnumerateArray());
        Assert.Equal("images[0]", error.GetProperty("file").GetString());
        Assert.Equal("url", error.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Get_answers_the_conversion_or_a_404_problem()
    {
        _client.Add("conv-0000000000000001", OrchestrationRuntimeStatus.Running, Noon, customStatus: """{"stage":"wait","renderProgress":30}""");

        var found = await ExecuteAsync(await Functions().GetAsync(new DefaultHttpContext().Request, _client, "conv-0000000000000001"));
        var missing = await ExecuteAsync(await Functions().GetAsync(new DefaultHttpContext().Request, _client, "conv-ffffffffffffffff"));

        Assert.Equal(200, found.Status);
        Assert.Equal("running", found.Body?.GetProperty("status").GetString());
        Assert.Equal(30, found.Body?.GetProperty("renderProgress").GetInt32());
        Assert.Equal(404, missing.Status);
        Assert.Equal("application/problem+json", missing.ContentType);
        Assert.Equal("https://nemo.functions/problems/not-found", missing.Body?.GetProperty("type").GetString());
    }

    [Fact]
    public async Task List_answers_the_most_recent_first_within_max()
    {
        _client.Add("conv-000000000000000a", OrchestrationRuntimeStatus.Completed, DateTimeOffset.UtcNow.AddHours(-2), output: """{"status":"succeeded","profile":"best"}""");
        _client.Add("conv-000000000000000b", OrchestrationRuntimeStatus.Running, DateTimeOffset.UtcNow.AddMinutes(-1));
        _client.Add("conv-000000000000000c", OrchestrationRuntimeStatus.Pending, DateTimeOffset.UtcNow.AddHours(-1));
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString("?max=2");

        var response = await ExecuteAsync(await Functions().ListAsync(context.Request, _client));

        Assert.Equal(200, response.Status);
        Assert.Equal(
            ["conv-000000000000000b", "conv-000000000000000c"],
            response.Body!.Value.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Cancel_raises_the_event_on_a_running_conversion_and_answers_409_once_finished()
    {
        _client.Add("conv-0000000000000001", OrchestrationRuntimeStatus.Running, Noon);
        _client.Add("conv-0000000000000002", OrchestrationRuntimeStatus.Completed, Noon);

        var running = await ExecuteAsync(await Functions().CancelAsync(new DefaultHttpContext().Request, _client, "conv-0000000000000001"));
        var finished = await ExecuteAsync(await Functions().CancelAsync(new DefaultHttpContext().Request, _client, "conv-0000000000000002"));

        Assert.Equal(202, running.Status);
        Assert.Equal("/api/conversions/conv-0000000000000001", running.Location);
        var (id, name, payload) = Assert.Single(_client.RaisedEvents);
        Assert.Equal(("conv-0000000000000001", OrchestrationEvents.Cancel), (id, name));
        Assert.IsType<CancelRequest>(payload);
        Assert.Equal(409, finished.Status);
        Assert.Equal("https://nemo.functions/problems/not-running", finished.Body?.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Credits_answers_a_502_problem_with_the_meaning_only_when_Nemo_refuses()
    {
        var functions = Functions(HttpStatusCode.OK, """{"code":2001,"message":"no credits left","data":null}""");

        var response = await ExecuteAsync(await functions.CreditsAsync(new DefaultHttpContext().Request, _client));

        Assert.Equal(502, response.Status);
        Assert.Equal("https://nemo.functions/problems/nemo", response.Body?.GetProperty("type").GetString());
        Assert.DoesNotContain("nmv_usr_functions-test", response.Text, StringComparison.Ordinal);
    }

    private static HttpRequest Multipart(params (string Name, string Value)[] fields) => Multipart(TestImages.Png(1280, 720), fields);

    private static HttpRequest Multipart(byte[] png, params (string Name, string Value)[] fields)
    {
        var content = new MultipartFormDataContent("test-boundary");
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value, Encoding.UTF8), name);
        }

        var image = new ByteArrayContent(png);
        image.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        content.Add(image, "images", "coffee.png");
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = content.Headers.ContentType!.ToString();
        context.Request.Body = new MemoryStream(content.ReadAsByteArrayAsync().GetAwaiter().GetResult());
        content.Dispose();
        return context.Request;
    }

    private static HttpRequest WithKey(HttpRequest request, string idempotencyKey)
    {
        request.Headers["Idempotency-Key"] = idempotencyKey;
        return request;
    }

    private static HttpRequest Json(string body)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        return context.Request;
    }

    private static async Task<(int Status, string? ContentType, string? Location, JsonElement? Body, string Text)> ExecuteAsync(IActionResult result)
    {
        var context = new DefaultHttpContext();
        using var body = new MemoryStream();
        context.Response.Body = body;
        await result.ExecuteResultAsync(new ActionContext { HttpContext = context });
        var text = Encoding.UTF8.GetString(body.ToArray());
        JsonElement? json = text.Length == 0 ? null : JsonDocument.Parse(text).RootElement.Clone();
        string? location = context.Response.Headers.Location;
        return (context.Response.StatusCode, context.Response.ContentType, location, json, text);
    }

    private static NemoClient Nemo(HttpStatusCode status, string body)
    {
        var options = new NemoClientOptions
        {
            BaseAddress = new Uri("http://nemo.test"),
            MaxRetries = 0,
            BaseDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(1),
        };
        return new NemoClient(new HttpClient(new CannedHandler(status, body)), options, new ConfiguredNemoTokenSource("nmv_usr_functions-test"));
    }

    private sealed class CannedHandler(HttpStatusCode status, string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
    }

    private sealed class NoHttpClientFactory : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => throw new InvalidOperationException("These tests fetch no image URLs.");
    }
}
