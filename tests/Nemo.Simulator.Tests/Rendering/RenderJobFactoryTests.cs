using System.Text.Json.Nodes;

namespace Nemo.Simulator.Tests.Rendering;

public sealed class RenderJobFactoryTests
{
    private static readonly TimeSpan NoCap = TimeSpan.FromMinutes(10);

    private static UploadRecord Upload(string name, string format = "jpg") =>
        new("f_" + name, name, MediaKind.Image, format, "/uploads/" + name, "http://127.0.0.1/cdn/uploads/s/" + name, 1, "h", 64, 36);

    private static JsonObject Draft(int milliseconds, JsonArray tracks) =>
        new() { ["d"] = milliseconds, ["m"] = new JsonObject { ["width"] = 1920, ["height"] = 1080 }, ["t"] = tracks };

    private static JsonObject Video(params (string Name, int Start, int Duration)[] segments) => new()
    {
        ["tt"] = 0,
        ["sg"] = new JsonArray([.. segments.Select(s => (JsonNode)new JsonObject { ["n"] = s.Name, ["src"] = "http://127.0.0.1/cdn/uploads/s/" + s.Name, ["st"] = s.Start, ["d"] = s.Duration })]),
    };

    private static JsonObject Music(int start, int duration, int volume) => new()
    {
        ["tt"] = 1,
        ["sg"] = new JsonArray(new JsonObject { ["n"] = "Lo-fi", ["st"] = start, ["d"] = duration, ["vol"] = volume }),
    };

    [Fact]
    public void The_length_and_each_pictures_share_follow_the_timeline()
    {
        var draft = Draft(7000, [Video(("a.jpg", 0, 3000), ("b.jpg", 3000, 4000))]);

        var job = RenderJobFactory.Create(draft, [Upload("a.jpg"), Upload("b.jpg")], "/out.mp4", NoCap);

        Assert.Equal(TimeSpan.FromSeconds(7), job.Length);
        Assert.False(job.Capped);
        Assert.Equal([TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(4)], job.Clips.Select(c => c.Duration));
        Assert.Equal(["/uploads/a.jpg", "/uploads/b.jpg"], job.Clips.Select(c => c.Path));
        Assert.Equal([75, 100], FfmpegArguments.FramesPerClip(job));
        Assert.Empty(job.Music);
    }

    [Fact]
    public void A_timeline_longer_than_the_cap_is_rendered_in_the_cap_every_segment_shortened_in_proportion()
    {
        var draft = Draft(30_000, [Video(("a.jpg", 0, 10_000), ("b.jpg", 10_000, 20_000)), Music(0, 30_000, 35)]);

        var job = RenderJobFactory.Create(draft, [Upload("a.jpg"), Upload("b.jpg")], "/out.mp4", TimeSpan.FromSeconds(6));

        Assert.True(job.Capped);
        Assert.Equal(TimeSpan.FromSeconds(30), job.TimelineLength);
        Assert.Equal(TimeSpan.FromSeconds(6), job.Length);
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], job.Clips.Select(c => c.Duration));
        Assert.Equal(150, FfmpegArguments.FramesPerClip(job).Sum());
        Assert.Equal(new MusicSpan(TimeSpan.Zero, TimeSpan.FromSeconds(6), 35), Assert.Single(job.Music));
    }

    [Fact]
    public void Music_plays_where_its_segment_is_and_a_draft_without_an_audio_track_has_none()
    {
        var withMusic = RenderJobFactory.Create(Draft(8000, [Video(("a.jpg", 0, 8000)), Music(2000, 4000, 50)]), [Upload("a.jpg")], "/out.mp4", NoCap);
        var without = RenderJobFactory.Create(Draft(8000, [Video(("a.jpg", 0, 8000))]), [Upload("a.jpg")], "/out.mp4", NoCap);

        Assert.Equal(new MusicSpan(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), 50), Assert.Single(withMusic.Music));
        Assert.Contains("[music]", string.Join(' ', FfmpegArguments.Slideshow(withMusic, "/out.mp4")), StringComparison.Ordinal);
        Assert.Empty(without.Music);
        Assert.Contains("-an", FfmpegArguments.Slideshow(without, "/out.mp4"));
    }

    [Fact]
    public void A_gif_is_an_animated_clip_looped_as_input_and_a_still_is_decoded_once()
    {
        var job = RenderJobFactory.Create(Draft(4000, [Video(("a.gif", 0, 2000), ("b.png", 2000, 2000))]), [Upload("a.gif", "gif"), Upload("b.png", "png")], "/out.mp4", NoCap);

        Assert.Equal([true, false], job.Clips.Select(c => c.Animated));
        var arguments = string.Join(' ', FfmpegArguments.Slideshow(job, "/out.mp4"));
        Assert.Contains("-stream_loop -1 -i /uploads/a.gif", arguments, StringComparison.Ordinal);
        Assert.Contains("-i /uploads/b.png", arguments, StringComparison.Ordinal);
        Assert.DoesNotContain("-loop 1", arguments, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_segment_sources_the_sessions_images_share_the_timeline_equally()
    {
        var draft = Draft(9000, [new JsonObject { ["tt"] = 0, ["sg"] = new JsonArray(new JsonObject { ["n"] = "clip", ["st"] = 0, ["d"] = 9000 }) }]);

        var job = RenderJobFactory.Create(draft, [Upload("a.jpg"), Upload("b.jpg"), Upload("c.jpg")], "/out.mp4", NoCap);

        Assert.Equal(Enumerable.Repeat(TimeSpan.FromSeconds(3), 3), job.Clips.Select(c => c.Duration));
    }
}
