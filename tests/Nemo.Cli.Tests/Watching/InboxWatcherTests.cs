using Nemo.Cli.Tests.Support;
using Nemo.Cli.Watching;
using Nemo.Conversions;

namespace Nemo.Cli.Tests.Watching;

public sealed class InboxWatcherTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly RecordingScheduler _scheduler = new();

    public void Dispose() => _temp.Dispose();

    private InboxWatcher CreateWatcher() =>
        new(new InboxWatcherOptions(_temp.Combine("inbox"), _temp.Combine("outbox"), _temp.Combine("state"), "animate") { SettleTime = TimeSpan.Zero }, _scheduler);

    private static async Task ScanTwiceAsync(InboxWatcher watcher)
    {
        // The first sighting records size and time; the second (unchanged) counts the file as complete.
        await watcher.ScanAsync(CancellationToken.None);
        await watcher.ScanAsync(CancellationToken.None);
    }

    [Fact]
    public async Task An_image_at_the_root_starts_one_conversion_named_after_it()
    {
        _temp.Write("inbox/beach day.jpg", TestImages.Png(8, 8));
        var watcher = CreateWatcher();

        await watcher.ScanAsync(CancellationToken.None);
        Assert.Empty(_scheduler.Calls);
        await watcher.ScanAsync(CancellationToken.None);
        await watcher.ScanAsync(CancellationToken.None);

        var call = Assert.Single(_scheduler.Calls);
        Assert.Equal(ConversionWorkflow.Conversion, call.Orchestrator);
        var request = Assert.IsType<ConversionRequest>(call.Input);
        Assert.Equal(["beach day.jpg"], request.Images);
        Assert.Equal("animate", request.Prompt);
    }

    [Fact]
    public async Task The_same_content_twice_is_one_conversion_also_after_a_restart()
    {
        var image = TestImages.Png(8, 8);
        _temp.Write("inbox/a.png", image);
        _temp.Write("inbox/copy of a.png", image);
        await ScanTwiceAsync(CreateWatcher());

        _temp.Write("inbox/third copy.png", image);
        await ScanTwiceAsync(CreateWatcher());

        Assert.Single(_scheduler.Calls);
    }

    [Fact]
    public async Task Partial_hidden_and_growing_files_are_not_started()
    {
        _temp.Write("inbox/.hidden.png", TestImages.Png(8, 8));
        _temp.Write("inbox/upload.jpg.partial", TestImages.Png(9, 9));
        var watcher = CreateWatcher();
        await watcher.ScanAsync(CancellationToken.None);
        _temp.Write("inbox/growing.png", TestImages.Png(10, 10));
        await watcher.ScanAsync(CancellationToken.None);
        Assert.Empty(_scheduler.Calls);

        _temp.Write("inbox/growing.png", TestImages.Png(20, 20));
        await watcher.ScanAsync(CancellationToken.None);
        Assert.Empty(_scheduler.Calls);
        await watcher.ScanAsync(CancellationToken.None);

        Assert.Single(_scheduler.Calls);
    }

    [Fact]
    public async Task A_job_folder_starts_only_when_its_manifest_appears()
    {
        _temp.Write("inbox/trip/a.png", TestImages.Png(8, 8));
        _temp.Write("inbox/trip/b.png", TestImages.Png(9, 9));
        var watcher = CreateWatcher();
        await ScanTwiceAsync(watcher);
        Assert.Empty(_scheduler.Calls);

        _temp.Write("inbox/trip/job.json", """{"defaults":{"prompt":"slow pan"},"items":[{"images":["a.png"]},{"name":"second","images":["b.png"]}]}"""u8.ToArray());
        await ScanTwiceAsync(watcher);
        await ScanTwiceAsync(watcher);

        var call = Assert.Single(_scheduler.Calls);
        Assert.Equal(ConversionWorkflow.Batch, call.Orchestrator);
        var batch = Assert.IsType<BatchRequest>(call.Input);
        Assert.Equal(2, batch.Items.Count);
    }

    [Theory]
    [InlineData("inbox", "inbox/out")]
    [InlineData("inbox", "inbox")]
    public void An_outbox_inside_the_inbox_is_refused(string inbox, string outbox) =>
        Assert.NotNull(InboxWatcher.CheckFolders(_temp.Combine(inbox), _temp.Combine(outbox)));

    [Fact]
    public void Sibling_folders_are_fine() =>
        Assert.Null(InboxWatcher.CheckFolders(_temp.Combine("inbox"), _temp.Combine("inbox-out")));

    [Fact]
    public async Task A_job_over_the_item_cap_starts_nothing_and_its_summary_in_the_outbox_says_why()
    {
        var store = new Nemo.Cli.Storage.FolderMediaStore(_temp.Combine("inbox"), _temp.Combine("outbox"), _temp.Combine("state", "staged"));
        var watcher = new InboxWatcher(
            new InboxWatcherOptions(_temp.Combine("inbox"), _temp.Combine("outbox"), _temp.Combine("state"), "animate") { SettleTime = TimeSpan.Zero, MaxItemsPerJob = 1 },
            _scheduler,
            store: store);
        _temp.Write("inbox/trip/a.png", TestImages.Png(8, 8));
        _temp.Write("inbox/trip/b.png", TestImages.Png(8, 8));
        _temp.Write("inbox/trip/job.json", """{"defaults":{"prompt":"slow pan"},"items":[{"images":["a.png"]},{"images":["b.png"]}]}"""u8.ToArray());

        await ScanTwiceAsync(watcher);

        Assert.Empty(_scheduler.Calls);
        var summary = File.ReadAllText(_temp.Combine("outbox/trip/summary.json"));
        Assert.Contains("2 items; a job takes at most 1", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watching_picks_up_a_drop_through_notifications()
    {
        var watcher = new InboxWatcher(
            new InboxWatcherOptions(_temp.Combine("inbox"), _temp.Combine("outbox"), _temp.Combine("state"), "animate")
            {
                SettleTime = TimeSpan.FromMilliseconds(50),
                RescanInterval = TimeSpan.FromMilliseconds(200),
            },
            _scheduler);
        var started = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.Outcome += outcome => started.TrySetResult(outcome.InstanceId!);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        Directory.CreateDirectory(_temp.Combine("inbox"));
        var run = watcher.RunAsync(stop.Token);

        _temp.Write("inbox/drop.png", TestImages.Png(8, 8));
        var id = await started.Task.WaitAsync(stop.Token);
        await stop.CancelAsync();
        await run;

        Assert.StartsWith("conv-", id, StringComparison.Ordinal);
    }
}
