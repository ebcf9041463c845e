using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Options;
using Nemo.Conversions;
using Nemo.Functions.Storage;
using Nemo.Functions.Tests.Storage;
using Nemo.Functions.Triggers;

namespace Nemo.Functions.Tests.Triggers;

public sealed class BlobDropRouterTests : IClassFixture<AzuriteStorage>, IDisposable
{
    private const string Container = "images-in";
    private readonly InputFiles _inputs;
    private readonly RecordingScheduler _scheduler = new();
    private readonly BlobDropRouter _router;

    public BlobDropRouterTests(AzuriteStorage storage)
    {
        _inputs = new InputFiles(storage);
        _router = new BlobDropRouter(_inputs, Options.Create(new BlobTriggerOptions { Prompt = "make it move", Profile = "fast" }));
    }

    public void Dispose() => _inputs.Dispose();

    [Theory]
    [InlineData("beach.jpg", BlobDropKind.Image)]
    [InlineData("Beach Photo.PNG", BlobDropKind.Image)]
    [InlineData("shot.heic", BlobDropKind.Image)]
    [InlineData("job1/job.json", BlobDropKind.JobManifest)]
    [InlineData("job1/a.jpg", BlobDropKind.Ignored)]
    [InlineData("a/b/job.json", BlobDropKind.Ignored)]
    [InlineData("job.json", BlobDropKind.Ignored)]
    [InlineData(".hidden/job.json", BlobDropKind.Ignored)]
    [InlineData(".beach.jpg", BlobDropKind.Ignored)]
    [InlineData("~beach.jpg", BlobDropKind.Ignored)]
    [InlineData("beach.mp4", BlobDropKind.Ignored)]
    [InlineData("beach.result.json", BlobDropKind.Ignored)]
    [InlineData("notes.txt", BlobDropKind.Ignored)]
    [InlineData("job1/JOB.JSON", BlobDropKind.Ignored)]
    public void Classifies_by_name_like_the_local_watcher(string name, BlobDropKind expected) =>
        Assert.Equal(expected, BlobDropRouter.Classify(name));

    [Fact]
    public async Task An_image_starts_one_conversion_with_an_id_from_container_name_and_etag()
    {
        var outcome = await _router.RouteAsync(_scheduler, Container, "beach.jpg", ETag("0x8D96060BDA19D9D"));

        var call = Assert.Single(_scheduler.Calls);
        Assert.Equal(ConversionWorkflow.Conversion, call.Orchestrator);
        Assert.Equal(InstanceIds.ForSource(Container, "beach.jpg", "0x8D96060BDA19D9D"), call.InstanceId);
        var request = Assert.IsType<ConversionRequest>(call.Input);
        Assert.Equal("beach", request.Name);
        Assert.Equal(["beach.jpg"], request.Images);
        Assert.Equal("make it move", request.Prompt);
        Assert.Equal("fast", request.Profile);
        Assert.Null(request.Options);
        Assert.Equal(new BlobDropOutcome(BlobDropKind.Image, call.InstanceId, Started: true), outcome);
    }

    [Fact]
    public async Task A_second_event_for_the_same_blob_version_starts_nothing_new()
    {
        var first = await _router.RouteAsync(_scheduler, Container, "beach.jpg", ETag("0x1"));
        var again = await _router.RouteAsync(_scheduler, Container, "beach.jpg", ETag("0x1"));
        var replaced = await _router.RouteAsync(_scheduler, Container, "beach.jpg", ETag("0x2"));

        Assert.True(first.Started);
        Assert.False(again.Started);
        Assert.Equal(first.InstanceId, again.InstanceId);
        Assert.True(replaced.Started);
        Assert.NotEqual(first.InstanceId, replaced.InstanceId);
    }

    [Fact]
    public async Task An_image_deleted_before_the_event_is_handled_starts_nothing()
    {
        var outcome = await _router.RouteAsync(_scheduler, Container, "gone.jpg", _ => Task.FromResult<string?>(null));

        Assert.Empty(_scheduler.Calls);
        Assert.Equal(BlobDropKind.Image, outcome.Kind);
        Assert.False(outcome.Started);
    }

    [Fact]
    public async Task A_job_manifest_starts_one_batch_with_keys_resolved_in_the_job_folder()
    {
        const string json = """{"concurrency": 2, "defaults": {"prompt": "a tour"}, "items": [{"images": ["a.jpg", "b.jpg"]}, {"name": "second", "images": ["c.png"]}]}""";
        _inputs.Add("trip/job.json", json);
        var readETag = 0;

        var outcome = await _router.RouteAsync(_scheduler, Container, "trip/job.json", _ => Task.FromResult<string?>($"{++readETag}"));

        var call = Assert.Single(_scheduler.Calls);
        Assert.Equal(ConversionWorkflow.Batch, call.Orchestrator);
        var batch = Assert.IsType<BatchRequest>(call.Input);
        Assert.Equal("trip", batch.Name);
        Assert.Equal(2, batch.Concurrency);
        Assert.Equal(["trip/a.jpg", "trip/b.jpg"], batch.Items[0].Images);
        Assert.Equal("trip/a", batch.Items[0].Name);
        Assert.Equal("trip/second", batch.Items[1].Name);
        Assert.Equal("a tour", batch.Items[1].Prompt);
        Assert.Equal(0, readETag);
        Assert.Equal(new BlobDropOutcome(BlobDropKind.JobManifest, call.InstanceId, Started: true), outcome);
    }

    [Fact]
    public async Task The_batch_id_follows_the_manifest_content_as_in_the_local_watcher()
    {
        const string json = """{"defaults": {"prompt": "p"}, "items": [{"images": ["a.jpg"]}]}""";
        _inputs.Add("trip/job.json", json);

        var first = await _router.RouteAsync(_scheduler, Container, "trip/job.json", ETag("unused"));
        var again = await _router.RouteAsync(_scheduler, Container, "trip/job.json", ETag("unused"));
        _inputs.Add("trip/job.json", json.Replace("\"p\"", "\"q\"", StringComparison.Ordinal));
        var corrected = await _router.RouteAsync(_scheduler, Container, "trip/job.json", ETag("unused"));

        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes("trip\n" + json)));
        Assert.Equal(InstanceIds.ForBatch(Container, "trip", hash), first.InstanceId);
        Assert.Equal(first.InstanceId, again.InstanceId);
        Assert.False(again.Started);
        Assert.NotEqual(first.InstanceId, corrected.InstanceId);
    }

    [Fact]
    public async Task An_invalid_manifest_is_rejected_with_its_reason_and_starts_nothing()
    {
        _inputs.Add("trip/job.json", """{"items": [{"images": ["../escape.jpg"]}]}""");

        var outcome = await _router.RouteAsync(_scheduler, Container, "trip/job.json", ETag("unused"));

        Assert.Empty(_scheduler.Calls);
        Assert.Equal(BlobDropKind.JobManifest, outcome.Kind);
        Assert.Contains("outside the job folder", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_over_the_item_cap_is_refused_whole_and_its_summary_says_why()
    {
        var router = new BlobDropRouter(_inputs, Options.Create(new BlobTriggerOptions { MaxItemsPerJob = 2 }));
        _inputs.Add("big/job.json", """{"defaults":{"prompt":"pan"},"items":[{"images":["a.jpg"]},{"images":["b.jpg"]},{"images":["c.jpg"]}]}""");

        var outcome = await router.RouteAsync(_scheduler, Container, "big/job.json", ETag("unused"));

        Assert.Empty(_scheduler.Calls);
        Assert.Contains("3 items; a job takes at most 2", outcome.Reason, StringComparison.Ordinal);
        var summary = System.Text.Json.JsonSerializer.Deserialize<BatchSummary>((await _inputs.ReadOutputTextAsync("big/summary.json"))!, ConversionJson.Options)!;
        Assert.Equal(outcome.Reason, summary.Refused);
        Assert.Empty(summary.Items);
    }

    [Fact]
    public async Task An_oversized_manifest_is_rejected_without_being_read()
    {
        _inputs.Add("trip/job.json", new string(' ', (int)BlobDropRouter.MaxManifestBytes + 1));

        var outcome = await _router.RouteAsync(_scheduler, Container, "trip/job.json", ETag("unused"));

        Assert.Empty(_scheduler.Calls);
        Assert.Equal(0, _inputs.Opened);
        Assert.Contains("at most", outcome.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("beach.mp4")]
    [InlineData("beach.result.json")]
    [InlineData("trip/a.jpg")]
    [InlineData("notes.txt")]
    public async Task Anything_else_is_ignored_without_reading_it(string name)
    {
        var outcome = await _router.RouteAsync(_scheduler, Container, name, _ => throw new InvalidOperationException("must not be read"));

        Assert.Empty(_scheduler.Calls);
        Assert.Equal(0, _inputs.Opened);
        Assert.Equal(new BlobDropOutcome(BlobDropKind.Ignored, null, false, outcome.Reason), outcome);
        Assert.NotNull(outcome.Reason);
    }

    private static Func<CancellationToken, Task<string?>> ETag(string value) => _ => Task.FromResult<string?>(value);

    private sealed record ScheduleCall(string Orchestrator, string InstanceId, object Input);

    /// <summary>Idempotent by instance id, as <see cref="IConversionScheduler.ScheduleAsync"/> promises.</summary>
    private sealed class RecordingScheduler : IConversionScheduler
    {
        private readonly ConcurrentDictionary<string, bool> _instances = new(StringComparer.Ordinal);

        public List<ScheduleCall> Calls { get; } = [];

        public Task<bool> ScheduleAsync(string orchestratorName, string instanceId, object input, CancellationToken cancellationToken = default)
        {
            var created = _instances.TryAdd(instanceId, true);
            if (created)
            {
                Calls.Add(new ScheduleCall(orchestratorName, instanceId, input));
            }

            return Task.FromResult(created);
        }

        public Task<ConversionInstance?> GetAsync(string instanceId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<ConversionInstance>> ListAsync(int maxCount = 100, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<bool> CancelAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }

    /// <summary>
    /// The app's blob store on Azurite (the class's own containers; tests in a class run one at a time), counting what
    /// the router opens: a manifest only once its size passed, and nothing else.
    /// </summary>
    private sealed class InputFiles(AzuriteStorage storage) : IMediaStore, IDisposable
    {
        private readonly BlobMediaStore _store = new(storage.Service, storage.Options);

        public int Opened { get; private set; }

        public void Add(string key, string text) =>
            storage.Input.GetBlobClient(key).Upload(BinaryData.FromString(text), overwrite: true);

        public Task<MediaInfo?> GetInputInfoAsync(string key, CancellationToken cancellationToken = default) =>
            _store.GetInputInfoAsync(key, cancellationToken);

        public Task<Stream> OpenInputAsync(string key, CancellationToken cancellationToken = default)
        {
            Opened++;
            return _store.OpenInputAsync(key, cancellationToken);
        }

        public Task<Uri?> GetInputReadUrlAsync(string key, TimeSpan lifetime, CancellationToken cancellationToken = default) =>
            _store.GetInputReadUrlAsync(key, lifetime, cancellationToken);

        public Task<string> StageInputAsync(string fileName, Stream content, CancellationToken cancellationToken = default) =>
            _store.StageInputAsync(fileName, content, cancellationToken);

        public Task<SavedOutput> WriteOutputAsync(
            string name, string contentType, Func<Stream, CancellationToken, Task> write, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default) =>
            _store.WriteOutputAsync(name, contentType, write, metadata, cancellationToken);

        public Task<string?> ReadOutputTextAsync(string name, CancellationToken cancellationToken = default) =>
            _store.ReadOutputTextAsync(name, cancellationToken);

        public void Dispose() => _store.Dispose();
    }
}
