using Nemo.Client;

namespace Nemo.Conversions.Tests.Activities;

public sealed class DraftOptionsTests
{
    private static NemoDraft Draft(bool music = true, int width = 1920, int height = 1080, int durationMs = 10_000)
    {
        var video = "{\"tt\":0,\"sg\":[{\"n\":\"clip\",\"st\":0,\"d\":" + durationMs + "}]}";
        var bgm = music ? ",{\"tt\":1,\"sg\":[{\"n\":\"Lo-fi\",\"st\":0,\"d\":10000,\"vol\":35}]}" : "";
        var meta = "{\"title\":\"Harbor\",\"width\":" + width + ",\"height\":" + height + ",\"aspect_ratio\":\"16:9\",\"fps\":30}";
        return NemoDraft.FromJson("{\"t\":[" + video + bgm + "],\"d\":" + durationMs + ",\"m\":" + meta + "}");
    }

    [Fact]
    public void No_music_drops_the_audio_tracks_and_keeps_everything_else()
    {
        var (draft, notes) = DraftOptions.Apply(Draft(), new ConversionOptions(BackgroundMusic: false));

        Assert.DoesNotContain(draft.Tracks, t => t.Kind == DraftTrackKind.Audio);
        Assert.Single(draft.Tracks, t => t.Kind == DraftTrackKind.Video);
        Assert.Equal("Harbor", draft.Title);
        Assert.Equal(30, draft.ToJsonObject()["m"]!["fps"]!.GetValue<int>());
        Assert.Contains("removed before export", Assert.Single(notes), StringComparison.Ordinal);
    }

    [Fact]
    public void An_aspect_ratio_sets_the_canvas()
    {
        var (draft, notes) = DraftOptions.Apply(Draft(), new ConversionOptions(AspectRatio.Portrait));

        Assert.Equal((1080, 1920), draft.Canvas);
        Assert.Equal("9:16", draft.ToJsonObject()["m"]!["aspect_ratio"]!.GetValue<string>());
        Assert.Equal("The draft's canvas was 1920×1080; set to 1080×1920 for the 9:16 asked for, before export.", Assert.Single(notes));
    }

    [Fact]
    public void What_only_another_prompt_could_change_is_noted_and_the_draft_left_as_it_is()
    {
        var original = Draft(music: false, durationMs: 25_000);

        var (draft, notes) = DraftOptions.Apply(original, new ConversionOptions(AspectRatio.Landscape, DurationSeconds: 10, BackgroundMusic: true));

        Assert.Same(original, draft);
        Assert.Equal(2, notes.Count);
        Assert.Contains(notes, n => n.StartsWith("Background music was asked for, but the draft has none", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.StartsWith("The draft is 25 s long where about 10 s were asked for", StringComparison.Ordinal));
    }

    [Fact]
    public void A_draft_that_already_agrees_is_exported_as_it_came()
    {
        var original = Draft(music: false, durationMs: 11_000);

        var (draft, notes) = DraftOptions.Apply(original, new ConversionOptions(AspectRatio.Landscape, DurationSeconds: 10, BackgroundMusic: false));

        Assert.Same(original, draft);
        Assert.Empty(notes);
    }
}
