using System.Net;
using System.Text.Json;
using Nemo.Conversions.Tests.Requests;
using Nemo.Conversions.Tests.Validation;

namespace Nemo.Conversions.Tests.Api;

public sealed class ConversionApiTests : IDisposable
{
    private const string Beach = "https://images.example/photos/beach.jpg";
    private readonly FakeScheduler _scheduler = new();
    private readonly InMemoryMediaStore _store = new();
    private readonly FakeHttpHandler _http = new();
    private readonly FakeHttpClientFactory _factory;
    private readonly Testing.InMemorySpendLedger _ledger = new();
    private readonly ConversionApi _api;

    public ConversionApiTests()
    {
        _factory = new FakeHttpClientFactory(_http);
        _api = new ConversionApi(
            _scheduler, _store, _ledger, ApiTestClients.Answering(HttpStatusCode.InternalServerError, "{}"), _factory, TimeProvider.System);
        _http.Serve(Beach, SampleFiles.Jpeg);
    }

    public void Dispose() => _http.Dispose();

    private static CreateConversionBody Body(params string[] images) => new(images, "animate it");

    private static ApiProblem Problem(ApiResponse response)
    {
        Assert.Equal("application/problem+json", response.ContentType);
        var problem = Assert.IsType<ApiProblem>(response.Body);
        Assert.Equal(response.StatusCode, problem.Status);
        return problem;
    }

    [Fact]
    public async Task CreateAsync_ValidUrl_StagesImageSchedulesConversionAndAnswers202WithLocation()
    {
        var response = await _api.CreateAsync(Body(Beach) with { Options = new ConversionOptions(AspectRatio.Square) }, null);

        Assert.Equal(202, response.StatusCode);
        Assert.Equal("application/json", response.ContentType);
        var resource = Assert.IsType<ConversionResource>(response.Body);
        Assert.Equal($"/api/conversions/{resource.Id}", response.Location);
        Assert.Equal(ConversionResourceStatus.Pending, resource.Status);
        Assert.Matches("^conv-[0-9a-f]{16}$", resource.Id);

        var (orchestrator, id, input) = Assert.Single(_scheduler.Scheduled);
        Assert.Equal("Conversion", orchestrator);
        Assert.Equal(resource.Id, id);
        var request = Assert.IsType<ConversionRequest>(input);
        Assert.Equal("beach", request.Name);
        Assert.Equal("animate it", request.Prompt);
        Assert.Equal("best", request.Profile);
        Assert.Equal(new ConversionOptions(AspectRatio.Square), request.Options);
        var staged = Assert.Single(_store.StagedInputs);
        Assert.Equal([staged.Key], request.Images);
        Assert.Equal("beach.jpg", staged.FileName);

        Assert.Equal([ConversionApi.ImportClientName], _factory.Names);
        var sent = Assert.Single(_http.Requests);
        Assert.Equal(HttpMethod.Get, sent.Method);
        Assert.Equal(Beach, sent.RequestUri!.ToString());
    }

    [Fact]
    public async Task CreateAsync_SamePostTwice_IsOneConversion()
    {
        var first = await _api.CreateAsync(Body(Beach), null);
        var second = await _api.CreateAsync(Body(Beach), null);

        Assert.Equal(202, second.StatusCode);
        Assert.Equal(first.Location, second.Location);
        Assert.Equal(2, _scheduler.Scheduled.Count);
        Assert.Equal(_scheduler.Scheduled[0].InstanceId, _scheduler.Scheduled[1].InstanceId);
    }

    [Fact]
    public async Task CreateAsync_DifferentPromptOrContent_IsANewConversion()
    {
        _http.Serve("https://images.example/other.jpg", SampleFiles.Png);

        var a = await _api.CreateAsync(Body(Beach), null);
        var b = await _api.CreateAsync(Body(Beach) with { Prompt = "something else" }, null);
        var c = await _api.CreateAsync(Body("https://images.example/other.jpg") with { Name = "beach" }, null);
        var d = await _api.CreateAsync(Body(Beach) with { Options = new ConversionOptions(BackgroundMusic: true) }, null);

        Assert.Equal(4, new[] { a.Location, b.Location, c.Location, d.Location }.Distinct().Count());
    }

    [Fact]
    public async Task CreateAsync_IdempotencyKey_UsesKeyIdAndRepeatDoesNotFetchAgain()
    {
        var first = await _api.CreateAsync(Body(Beach), "order-42");
        var repeat = await _api.CreateAsync(Body(Beach), "order-42");

        var id = InstanceIds.ForIdempotencyKey("order-42");
        Assert.Equal($"/api/conversions/{id}", first.Location);
        Assert.Equal(202, repeat.StatusCode);
        Assert.Equal(first.Location, repeat.Location);
        Assert.Single(_scheduler.Scheduled);
        Assert.Single(_http.Requests);
    }

    [Theory]
    [InlineData("prompt")]
    [InlineData("profile")]
    [InlineData("options")]
    [InlineData("name")]
    [InlineData("images")]
    public async Task CreateAsync_IdempotencyKeyReusedWithAnotherRequest_Answers422NamingTheKeyAndStartsNothing(string changed)
    {
        const string Other = "https://images.example/other.jpg";
        _http.Serve(Other, SampleFiles.Jpeg);
        await _api.CreateAsync(Body(Beach), "order-42");
        var body = changed switch
        {
            "prompt" => Body(Beach) with { Prompt = "changed my mind" },
            "profile" => Body(Beach) with { Profile = "long-duration" },
            "options" => Body(Beach) with { Options = new ConversionOptions(BackgroundMusic: false) },
            "name" => Body(Beach) with { Name = "other" },
            _ => Body(Other),
        };

        var reused = await _api.CreateAsync(body, "order-42");

        Assert.Equal(422, reused.StatusCode);
        var problem = Problem(reused);
        Assert.Equal("https://nemo.functions/problems/idempotency-key-reused", problem.Type);
        Assert.Contains("'order-42'", problem.Detail, StringComparison.Ordinal);
        Assert.Single(_scheduler.Scheduled);
        Assert.Single(_http.Requests);
    }

    [Fact]
    public async Task CreateAsync_IdempotencyKeyOfARefusedRequest_CanBeUsedForTheCorrectedOne()
    {
        _http.Serve("https://images.example/notes.jpg", "not a photo"u8.ToArray());
        var refused = await _api.CreateAsync(Body("https://images.example/notes.jpg"), "order-43");

        var corrected = await _api.CreateAsync(Body(Beach), "order-43");

        Assert.Equal(422, refused.StatusCode);
        Assert.Equal("https://nemo.functions/problems/validation", Problem(refused).Type);
        Assert.Equal(202, corrected.StatusCode);
        Assert.Single(_scheduler.Scheduled);
    }

    [Fact]
    public async Task CreateAsync_InvalidBody_Answers400WithEveryError()
    {
        var response = await _api.CreateAsync(
            new CreateConversionBody(["ftp://x/a.jpg", "not a url"], "", "turbo", new ConversionOptions(DurationSeconds: 0), "../x"), null);

        Assert.Equal(400, response.StatusCode);
        var problem = Problem(response);
        Assert.Equal("https://nemo.functions/problems/validation", problem.Type);
        Assert.Equal(
            [("profile", "profile"), ("prompt", "prompt"), ("name", "name"), ("options", "options"), ("images[0]", "url"), ("images[1]", "url")],
            problem.Errors!.Select(e => (e.File, e.Rule)));
        Assert.Contains("images[0] is not an http or https URL: 'ftp://x/a.jpg'.", problem.Errors!.Select(e => e.Message));
        Assert.Empty(_scheduler.Scheduled);
        Assert.Empty(_http.Requests);
    }

    [Fact]
    public async Task CreateAsync_NoImages_Answers400WithCount()
    {
        var response = await _api.CreateAsync(new CreateConversionBody(null, "go"), null);

        Assert.Equal(("images", "count"), Problem(response).Errors!.Select(e => (e.File, e.Rule)).Single());
    }

    [Fact]
    public async Task CreateAsync_TooManyImages_Answers400WithCount()
    {
        var response = await _api.CreateAsync(Body([.. Enumerable.Repeat(Beach, 21)]), null);

        Assert.Equal("21 images were given; a conversion takes at most 20.", Problem(response).Errors!.Single().Message);
    }

    [Fact]
    public async Task CreateAsync_UnreachableUrl_Answers422NamingUrlWithoutQuery()
    {
        var response = await _api.CreateAsync(Body("https://nowhere.example/a.jpg?sig=SECRET"), null);

        Assert.Equal(422, response.StatusCode);
        var problem = Problem(response);
        Assert.Equal("https://nemo.functions/problems/import-failed", problem.Type);
        Assert.StartsWith("https://nowhere.example/a.jpg could not be fetched:", problem.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", problem.Detail, StringComparison.Ordinal);
        Assert.Empty(_scheduler.Scheduled);
    }

    [Fact]
    public async Task CreateAsync_UrlAnswers404_Answers422WithTheStatus()
    {
        _http.Serve("https://images.example/gone.jpg", () => new HttpResponseMessage(HttpStatusCode.NotFound));

        var response = await _api.CreateAsync(Body("https://images.example/gone.jpg"), null);

        Assert.Equal(422, response.StatusCode);
        Assert.Equal("https://images.example/gone.jpg could not be fetched: the server answered 404 Not Found.", Problem(response).Detail);
    }

    [Fact]
    public async Task CreateAsync_ContentLengthOverLimit_Answers413WithoutReadingTheBody()
    {
        var body = new CountingStream(new GeneratedStream(60L * 1024 * 1024));
        _http.Serve("https://images.example/huge.png", () =>
        {
            var content = new StreamContent(body);
            content.Headers.ContentLength = 60L * 1024 * 1024;
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        });

        var response = await _api.CreateAsync(Body("https://images.example/huge.png") with { Profile = "motion-control" }, null);

        Assert.Equal(413, response.StatusCode);
        var problem = Problem(response);
        Assert.Equal("https://nemo.functions/problems/too-large", problem.Type);
        Assert.Equal("https://images.example/huge.png is larger than 50 MB, the most profile 'motion-control' takes.", problem.Detail);
        Assert.Equal(0, body.BytesRead);
        Assert.Empty(_store.StagedInputs);
    }

    [Fact]
    public async Task CreateAsync_ChunkedBodyOverLimit_StopsJustPastTheLimitAndAnswers413()
    {
        var body = new CountingStream(new GeneratedStream(60L * 1024 * 1024));
        _http.Serve("https://images.example/huge.png", () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(body) });

        var response = await _api.CreateAsync(Body("https://images.example/huge.png") with { Profile = "motion-control" }, null);

        Assert.Equal(413, response.StatusCode);
        Assert.True(body.BytesRead < 51L * 1024 * 1024, $"read {body.BytesRead} bytes");
        Assert.Empty(_store.StagedInputs);
        Assert.Empty(_scheduler.Scheduled);
    }

    [Fact]
    public async Task CreateAsync_PdfBehindJpgUrl_Answers422WithTypeProblem()
    {
        _http.Serve("https://images.example/x.jpg", SampleFiles.Pdf);

        var response = await _api.CreateAsync(Body("https://images.example/x.jpg"), null);

        Assert.Equal(422, response.StatusCode);
        var error = Assert.Single(Problem(response).Errors!);
        Assert.Equal(new ValidationProblem("x.jpg", "type", "x.jpg is not an image: its content is a PDF document."), error);
        Assert.Empty(_scheduler.Scheduled);
    }

    [Fact]
    public async Task CreateAsync_GifForBest_Answers422WithFormatProblem()
    {
        _http.Serve("https://images.example/loop.gif", SampleFiles.Gif);

        var response = await _api.CreateAsync(Body("https://images.example/loop.gif"), null);

        Assert.Equal("format", Assert.Single(Problem(response).Errors!).Rule);
    }

    [Fact]
    public async Task CreateAsync_ContentDispositionName_NamesTheOutput()
    {
        _http.Serve("https://cdn.example/blob/123", () =>
        {
            var content = new ByteArrayContent(SampleFiles.Png);
            content.Headers.TryAddWithoutValidation("Content-Disposition", "attachment; filename=\"Strand ü.png\"");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        });

        await _api.CreateAsync(Body("https://cdn.example/blob/123"), null);

        Assert.Equal("Strand ü", Assert.IsType<ConversionRequest>(Assert.Single(_scheduler.Scheduled).Input).Name);
    }

    [Fact]
    public async Task CreateAsync_GivenName_IsUsed()
    {
        await _api.CreateAsync(Body(Beach) with { Name = "Sommer 2025/Strand" }, null);

        Assert.Equal("Sommer 2025/Strand", Assert.IsType<ConversionRequest>(Assert.Single(_scheduler.Scheduled).Input).Name);
    }

    [Fact]
    public async Task CreateFromUploadAsync_Files_StagesStreamsInOrderAndSchedules()
    {
        var files = new[]
        {
            new UploadedImage("My photo ü.jpg", new MemoryStream(SampleFiles.Jpeg)),
            new UploadedImage("second.png", new MemoryStream(SampleFiles.Png)),
        };

        var response = await _api.CreateFromUploadAsync(files, new CreateConversionBody(Prompt: "go", Profile: "ezgif"), null);

        Assert.Equal(202, response.StatusCode);
        var request = Assert.IsType<ConversionRequest>(Assert.Single(_scheduler.Scheduled).Input);
        Assert.Equal("My photo ü", request.Name);
        Assert.Equal("ezgif", request.Profile);
        Assert.Equal(["My photo ü.jpg", "second.png"], _store.StagedInputs.Select(s => s.FileName));
        Assert.Equal(_store.StagedInputs.Select(s => s.Key), request.Images);
    }

    [Fact]
    public async Task CreateFromFormAsync_ReadsTheFieldsAndOptionsAndDisposesEveryPart()
    {
        var opened = new List<TrackingStream>();
        FormPart Part(string name, byte[] bytes) => new(name, () =>
        {
            var stream = new TrackingStream(bytes);
            opened.Add(stream);
            return stream;
        });
        var form = new FormUpload([Part("a.jpg", SampleFiles.Jpeg), Part("b.png", SampleFiles.Png)], "go", "ezgif", """{"aspectRatio":"9:16"}""", "holiday");

        var response = await _api.CreateFromFormAsync(form, "key-1");

        Assert.Equal(202, response.StatusCode);
        var request = Assert.IsType<ConversionRequest>(Assert.Single(_scheduler.Scheduled).Input);
        Assert.Equal("holiday", request.Name);
        Assert.Equal("ezgif", request.Profile);
        Assert.Equal(AspectRatio.Portrait, request.Options!.AspectRatio);
        Assert.Equal(["a.jpg", "b.png"], _store.StagedInputs.Select(s => s.FileName));
        Assert.Equal(2, opened.Count);
        Assert.All(opened, s => Assert.True(s.Disposed));
    }

    [Fact]
    public async Task CreateFromFormAsync_OptionsThatAreNotJson_Answers400AndOpensNothing()
    {
        var opened = 0;
        var form = new FormUpload([new FormPart("a.jpg", () => { opened++; return new MemoryStream(SampleFiles.Jpeg); })], "go", null, "{aspect: wide", null);

        var response = await _api.CreateFromFormAsync(form, null);

        Assert.Equal(400, response.StatusCode);
        Assert.StartsWith("The 'options' field must be JSON", Problem(response).Detail, StringComparison.Ordinal);
        Assert.Equal(0, opened);
        Assert.Empty(_scheduler.Scheduled);
    }

    [Theory]
    [InlineData("images", true)]
    [InlineData("image", true)]
    [InlineData("images[]", true)]
    [InlineData("prompt", false)]
    [InlineData("file", false)]
    public void FormUpload_IsImageField_NamesTheImageParts(string field, bool isImage) =>
        Assert.Equal(isImage, FormUpload.IsImageField(field));

    private sealed class TrackingStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }

    [Fact]
    public async Task CreateFromUploadAsync_PathInFileName_KeepsOnlyTheName()
    {
        await _api.CreateFromUploadAsync([new UploadedImage("../../etc/a.png", new MemoryStream(SampleFiles.Png))], new CreateConversionBody(Prompt: "go"), null);

        Assert.Equal("a.png", Assert.Single(_store.StagedInputs).FileName);
    }

    [Fact]
    public async Task CreateFromUploadAsync_OverLimit_Answers413NamingTheFile()
    {
        var upload = new GeneratedStream(60L * 1024 * 1024);

        var response = await _api.CreateFromUploadAsync(
            [new UploadedImage("big.png", upload)], new CreateConversionBody(Prompt: "go", Profile: "motion-control"), null);

        Assert.Equal(413, response.StatusCode);
        Assert.Equal("big.png is larger than 50 MB, the most profile 'motion-control' takes.", Problem(response).Detail);
        Assert.True(upload.Produced < 51L * 1024 * 1024);
        Assert.Empty(_scheduler.Scheduled);
    }

    [Fact]
    public async Task CreateFromUploadAsync_ZeroByteFile_Answers422WithEmptyRule()
    {
        var response = await _api.CreateFromUploadAsync([new UploadedImage("blank.jpg", new MemoryStream())], new CreateConversionBody(Prompt: "go"), null);

        Assert.Equal(422, response.StatusCode);
        Assert.Equal(new ValidationProblem("blank.jpg", "empty", "blank.jpg is empty (0 bytes)."), Assert.Single(Problem(response).Errors!));
    }

    [Fact]
    public async Task CreateFromUploadAsync_NoFiles_Answers400()
    {
        var response = await _api.CreateFromUploadAsync([], new CreateConversionBody(Prompt: "go"), null);

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("count", Assert.Single(Problem(response).Errors!).Rule);
    }

    [Fact]
    public async Task CreateFromUploadAsync_SameUploadTwice_IsOneConversion()
    {
        var first = await _api.CreateFromUploadAsync([new UploadedImage("a.png", new MemoryStream(SampleFiles.Png))], new CreateConversionBody(Prompt: "go"), null);
        var second = await _api.CreateFromUploadAsync([new UploadedImage("a.png", new MemoryStream(SampleFiles.Png))], new CreateConversionBody(Prompt: "go"), null);

        Assert.Equal(first.Location, second.Location);
    }

    [Fact]
    public async Task GetAsync_Unknown_Answers404Problem()
    {
        var response = await _api.GetAsync("conv-missing");

        Assert.Equal(404, response.StatusCode);
        var problem = Problem(response);
        Assert.Equal("https://nemo.functions/problems/not-found", problem.Type);
        Assert.Equal("/api/conversions/conv-missing", problem.Instance);
    }

    [Fact]
    public async Task GetAsync_Running_ShowsStageProgressAndMessage()
    {
        _scheduler.Set(FakeScheduler.Instance("c1", InstanceStatus.Running, new ConversionProgress(ConversionStage.Wait, 40, "Rendering", "render_1")));

        var resource = Assert.IsType<ConversionResource>((await _api.GetAsync("c1")).Body);

        Assert.Equal(ConversionResourceStatus.Running, resource.Status);
        Assert.Equal(ConversionStage.Wait, resource.Stage);
        Assert.Equal(40, resource.RenderProgress);
        Assert.Equal("Rendering", resource.Message);
        Assert.Equal(new DateTime(2025, 6, 1, 9, 0, 0, DateTimeKind.Utc), resource.CreatedAt);
    }

    public static TheoryData<ConversionStatus, ConversionResourceStatus> Outcomes => new()
    {
        { ConversionStatus.Succeeded, ConversionResourceStatus.Succeeded },
        { ConversionStatus.Failed, ConversionResourceStatus.Failed },
        { ConversionStatus.Cancelled, ConversionResourceStatus.Cancelled },
    };

    [Theory]
    [MemberData(nameof(Outcomes))]
    public async Task GetAsync_Completed_MapsTheResultStatus(ConversionStatus status, ConversionResourceStatus expected)
    {
        var result = new ConversionResult
        {
            Id = "c2", Name = "beach", Status = status, Profile = "best", Prompt = "go",
            Failure = status == ConversionStatus.Failed ? new ConversionFailure(ConversionStage.Render, FailureKind.Terminal, "The render failed twice.") : null,
        };
        _scheduler.Set(FakeScheduler.Instance("c2", InstanceStatus.Completed, new ConversionProgress(ConversionStage.Result), result));

        var resource = Assert.IsType<ConversionResource>((await _api.GetAsync("c2")).Body);

        Assert.Equal(expected, resource.Status);
        Assert.Equal(result, resource.Result! with { Images = result.Images, Stages = result.Stages, Warnings = result.Warnings });
        if (status == ConversionStatus.Failed)
        {
            Assert.Equal(ConversionStage.Render, resource.Stage);
            Assert.Equal("The render failed twice.", resource.Message);
        }
    }

    [Theory]
    [InlineData(InstanceStatus.Pending, ConversionResourceStatus.Pending)]
    [InlineData(InstanceStatus.Failed, ConversionResourceStatus.Failed)]
    [InlineData(InstanceStatus.Terminated, ConversionResourceStatus.Cancelled)]
    public async Task GetAsync_InstanceStatus_IsMapped(InstanceStatus status, ConversionResourceStatus expected)
    {
        _scheduler.Set(FakeScheduler.Instance("c3", status, error: status == InstanceStatus.Failed ? "boom" : null));

        var resource = Assert.IsType<ConversionResource>((await _api.GetAsync("c3")).Body);

        Assert.Equal(expected, resource.Status);
        Assert.Equal(status == InstanceStatus.Failed ? "boom" : null, resource.Error);
    }

    [Theory]
    [InlineData(0, ConversionResourceStatus.Succeeded)]
    [InlineData(1, ConversionResourceStatus.Failed)]
    public async Task GetAsync_BatchSummary_IsShownAsSummary(int failed, ConversionResourceStatus expected)
    {
        _scheduler.Set(FakeScheduler.Instance("b1", InstanceStatus.Completed, output: new BatchSummary("job", 2 - failed, failed, [])));

        var resource = Assert.IsType<ConversionResource>((await _api.GetAsync("b1")).Body);

        Assert.Equal(expected, resource.Status);
        Assert.Equal("job", resource.Summary!.Name);
        Assert.Null(resource.Result);
    }

    [Fact]
    public async Task GetAsync_UnexpectedCustomStatusAndOutput_AreIgnored()
    {
        _scheduler.Set(FakeScheduler.Instance("c4", InstanceStatus.Completed, "just text", new { hello = 1 }));

        var resource = Assert.IsType<ConversionResource>((await _api.GetAsync("c4")).Body);

        Assert.Equal(ConversionResourceStatus.Succeeded, resource.Status);
        Assert.Null(resource.Stage);
        Assert.Null(resource.Result);
    }

    [Fact]
    public async Task ListAsync_ReturnsItems()
    {
        _scheduler.Set(FakeScheduler.Instance("a", InstanceStatus.Running));
        _scheduler.Set(FakeScheduler.Instance("b", InstanceStatus.Pending));

        var response = await _api.ListAsync(10);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(["a", "b"], Assert.IsType<ConversionList>(response.Body).Items.Select(i => i.Id));
    }

    [Fact]
    public async Task CancelAsync_Running_RaisesCancelAndAnswers202()
    {
        _scheduler.Set(FakeScheduler.Instance("c5", InstanceStatus.Running));

        var response = await _api.CancelAsync("c5");

        Assert.Equal(202, response.StatusCode);
        Assert.Equal("/api/conversions/c5", response.Location);
        Assert.Equal("c5", Assert.Single(_scheduler.Cancelled).InstanceId);
    }

    [Fact]
    public async Task CancelAsync_Unknown_Answers404()
    {
        Assert.Equal(404, (await _api.CancelAsync("nope")).StatusCode);
        Assert.Empty(_scheduler.Cancelled);
    }

    [Fact]
    public async Task CancelAsync_Completed_Answers409WithoutRaising()
    {
        _scheduler.Set(FakeScheduler.Instance("c6", InstanceStatus.Completed));

        var response = await _api.CancelAsync("c6");

        Assert.Equal(409, response.StatusCode);
        Assert.Equal("Conversion 'c6' is succeeded; only a running conversion can be cancelled.", Problem(response).Detail);
        Assert.Empty(_scheduler.Cancelled);
    }

    [Fact]
    public async Task CancelAsync_SchedulerSaysNotRunning_Answers409()
    {
        _scheduler.Set(FakeScheduler.Instance("c7", InstanceStatus.Running));
        _scheduler.CancelResult = false;

        Assert.Equal(409, (await _api.CancelAsync("c7")).StatusCode);
    }

    [Fact]
    public async Task GetCreditsAsync_NemoError_Answers502WithMeaningOnly()
    {
        var api = new ConversionApi(
            _scheduler,
            _store,
            _ledger,
            ApiTestClients.Answering(HttpStatusCode.OK, """{"code":2001,"message":"no credits left","data":null}"""),
            _factory,
            TimeProvider.System);

        var response = await api.GetCreditsAsync();

        Assert.Equal(502, response.StatusCode);
        var problem = Problem(response);
        Assert.Equal("https://nemo.functions/problems/nemo", problem.Type);
        Assert.Contains("out of credits", problem.Detail!, StringComparison.Ordinal);
        Assert.DoesNotContain("nmv_usr_test-token-123", problem.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("\"code\"", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCreditsAsync_Simulator_Answers200WithBalance()
    {
        var (simulator, services, client, directory) = await ApiTestClients.StartSimulatorAsync();
        await using (simulator)
        await using (services)
        {
            var api = new ConversionApi(_scheduler, _store, _ledger, client, _factory, TimeProvider.System);

            var response = await api.GetCreditsAsync();

            Assert.Equal(200, response.StatusCode);
            using var stream = new MemoryStream();
            await response.WriteBodyAsync(stream);
            using var json = JsonDocument.Parse(stream.ToArray());
            Assert.Equal(100m, json.RootElement.GetProperty("available").GetDecimal());
            Assert.Equal(0m, json.RootElement.GetProperty("frozen").GetDecimal());
            Assert.Equal(100m, json.RootElement.GetProperty("total").GetDecimal());
        }

        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public void Health_Answers200Healthy()
    {
        var response = _api.Health();

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("healthy", Assert.IsType<HealthStatus>(response.Body).Status);
    }

    [Fact]
    public async Task WriteBodyAsync_Problem_IsCamelCaseRfc7807WithoutNulls()
    {
        var response = await _api.GetAsync("x");
        using var stream = new MemoryStream();

        await response.WriteBodyAsync(stream);

        using var json = JsonDocument.Parse(stream.ToArray());
        var names = json.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["type", "title", "status", "detail", "instance"], names);
    }

    [Fact]
    public async Task WriteBodyAsync_Resource_UsesDocumentedStatusStrings()
    {
        var response = await _api.CreateAsync(Body(Beach), null);
        using var stream = new MemoryStream();

        await response.WriteBodyAsync(stream);

        using var json = JsonDocument.Parse(stream.ToArray());
        Assert.Equal("pending", json.RootElement.GetProperty("status").GetString());
        Assert.True(json.RootElement.TryGetProperty("createdAt", out _));
    }

    [Fact]
    public void InvalidBody_Answers400ValidationProblem()
    {
        var response = ConversionApi.InvalidBody("The body is not JSON.");

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("The body is not JSON.", Problem(response).Detail);
    }
}
