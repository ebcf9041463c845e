using Nemo.Simulator;

namespace Nemo.Client.Tests.EndToEnd;

public sealed class UrlUploadTests
{
    [Fact]
    public async Task UploadFromUrls_lets_nemo_fetch_the_file_itself()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var first = await harness.Client.CreateSessionAsync(cancellationToken: harness.Deadline);
        UploadResult multipart;
        using (var image = new MemoryStream(TestImages.Png(40, 30)))
        {
            multipart = await harness.Client.UploadAsync(first.SessionId, [new UploadFile("sunset.png", image)], harness.Deadline);
        }

        var cdnUrl = Assert.Single(multipart.Files).CdnUrl!;
        var second = await harness.Client.CreateSessionAsync(cancellationToken: harness.Deadline);

        var fetched = await harness.Client.UploadFromUrlsAsync(second.SessionId, [cdnUrl], harness.Deadline);
        var (_, draft) = await harness.PromptAsync(second.SessionId, "turn my photo into a smooth animated video");

        var file = Assert.Single(fetched.Files);
        Assert.Equal("image", file.FileType);
        Assert.Equal((40, 30), (file.Width, file.Height));
        Assert.Equal(multipart.Files[0].Hash, file.Hash);
        Assert.NotEqual(cdnUrl, file.CdnUrl);
        Assert.Contains(second.SessionId, file.CdnUrl!.AbsolutePath, StringComparison.Ordinal);
        Assert.True(fetched.SessionStateApplied);
        Assert.True(draft.IsExportable);
        var uploads = JournalAssert.On(harness.Journal, SimulatorEndpoint.Upload);
        Assert.Equal([first.SessionId, second.SessionId], uploads.Select(u => u.SessionId));
        // The simulator's own fetch of the CDN URL: no token and no attribution, as a CDN request would be.
        var fetch = Assert.Single(JournalAssert.On(harness.Journal, SimulatorEndpoint.OutputFile));
        Assert.Equal(cdnUrl.AbsolutePath, fetch.Path);
        Assert.False(fetch.HasAuthorization);
        JournalAssert.AttributionOnEveryRequest(harness.Journal, NemoProfiles.Best.SkillSource, exclude: e => e == fetch);
    }
}
