namespace Nemo.Simulator.Tests;

public sealed class PromptReaderTests
{
    [Theory]
    [InlineData("animate this image with a slow zoom-in and leftward pan", "in", "left")]
    [InlineData("zoom out while panning to the right", "out", "right")]
    [InlineData("pan up slowly", null, "up")]
    [InlineData("make it smooth", null, null)]
    public void Reads_motion(string prompt, string? zoom, string? pan)
    {
        var spec = PromptReader.Apply(new DraftSpec(), prompt);

        Assert.Equal(zoom, spec.Zoom);
        Assert.Equal(pan, spec.Pan);
    }

    [Theory]
    [InlineData("a vertical video", "9:16")]
    [InlineData("make it 9:16 for reels", "9:16")]
    [InlineData("square please", "1:1")]
    [InlineData("nothing about shape", "16:9")]
    public void Reads_aspect_ratio(string prompt, string aspect) =>
        Assert.Equal(aspect, PromptReader.Apply(new DraftSpec(), prompt).AspectRatio);

    [Fact]
    public void Reads_music_title_and_duration_and_keeps_earlier_choices()
    {
        var first = PromptReader.Apply(new DraftSpec(), "turn this image into a 2-minute video with smooth motion and background music");
        var second = PromptReader.Apply(first, "add the title 'Urban Dreams'");

        Assert.Equal("Background music", first.Music);
        Assert.Equal(120_000, first.TotalMilliseconds);
        Assert.Null(first.Title);
        Assert.Equal("Urban Dreams", second.Title);
        Assert.Equal("Background music", second.Music);
    }
}
