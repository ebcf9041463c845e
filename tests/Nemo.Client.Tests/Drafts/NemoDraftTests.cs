using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nemo.Client.Tests.Drafts;

public sealed class NemoDraftTests
{
    // The draft of the working contract, with fields the client does not know about.
    private const string ContractDraft = """
        {
          "id": "draft_01",
          "d": 10000,
          "m": {"title": "Urban Dreams", "width": 1920, "height": 1080, "fps": 30, "aspect_ratio": "16:9"},
          "t": [
            {"tt": 0, "sg": [
              {"n": "city timelapse", "st": 0, "d": 5000, "src": "https://cdn.example/a.jpg", "fx": {"zoom": "in", "pan": "left"}},
              {"n": "night street", "st": 5000, "d": 5000, "src": "https://cdn.example/b.jpg"}]},
            {"tt": 1, "sg": [{"n": "Lo-fi", "st": 0, "d": 10000, "vol": 35}]},
            {"tt": 7, "sg": [{"tx": "Urban Dreams", "st": 0, "d": 3000, "style": {"font": "Inter", "shadow": null}}]}
          ],
          "version": 3,
          "future": {"nested": [1, 2.5, "x", true, null]}
        }
        """;

    [Fact]
    public void Summarize_gives_the_documented_line()
    {
        var draft = NemoDraft.FromJson(ContractDraft);

        Assert.Equal(
            "Timeline (3 tracks): 1. Video: city timelapse (0-10s) 2. BGM: Lo-fi (0-10s, 35%) 3. Title: \"Urban Dreams\" (0-3s)",
            draft.Summarize());
    }

    [Fact]
    public void The_typed_view_reads_tracks_segments_duration_and_title()
    {
        var draft = NemoDraft.FromJson(ContractDraft);

        Assert.Equal(TimeSpan.FromSeconds(10), draft.Duration);
        Assert.Equal("Urban Dreams", draft.Title);
        Assert.Equal([DraftTrackKind.Video, DraftTrackKind.Audio, DraftTrackKind.Text], draft.Tracks.Select(t => t.Kind));
        Assert.Equal(
            new DraftSegment("night street", null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5), null),
            draft.Tracks[0].Segments[1]);
        Assert.Equal(35, draft.Tracks[1].Segments[0].VolumePercent);
        Assert.Equal("Urban Dreams", draft.Tracks[2].Segments[0].Text);
        Assert.True(draft.IsExportable);
    }

    [Fact]
    public void A_round_trip_keeps_every_field()
    {
        using var document = JsonDocument.Parse(ContractDraft);

        var draft = NemoDraft.Parse(document.RootElement);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ContractDraft), draft.ToJsonObject()));
    }

    [Fact]
    public void The_draft_outlives_the_document_it_was_read_from()
    {
        NemoDraft draft;
        using (var document = JsonDocument.Parse(ContractDraft))
        {
            draft = NemoDraft.Parse(document.RootElement);
        }

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ContractDraft), draft.ToJsonObject()));
    }

    [Fact]
    public void ToJsonObject_returns_a_fresh_copy_each_time()
    {
        var draft = NemoDraft.FromJson(ContractDraft);

        var copy = draft.ToJsonObject();
        copy["t"] = new JsonArray();
        copy.Remove("future");

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ContractDraft), draft.ToJsonObject()));
        Assert.Equal(3, draft.Tracks.Count);
    }

    [Theory]
    [InlineData("""{"t":[{"tt":0,"sg":[]},{"tt":1,"sg":[]}]}""", false)]
    [InlineData("""{"t":[]}""", false)]
    [InlineData("""{}""", false)]
    [InlineData("""{"t":[{"tt":0,"sg":[]},{"tt":7,"sg":[{"tx":"Hi"}]}]}""", true)]
    [InlineData("""{"t":[{"tt":12,"sg":[{}]}]}""", true)]
    public void A_draft_is_exportable_when_some_track_has_a_segment(string json, bool exportable)
    {
        Assert.Equal(exportable, NemoDraft.FromJson(json).IsExportable);
    }

    [Fact]
    public void Alternative_key_names_are_understood()
    {
        var draft = NemoDraft.FromJson("""
            {"tracks":[
              {"type":0,"segments":[{"name":"beach","start":1000,"duration":4000}]},
              {"tt":1,"sg":[{"title":"Jazz","s":0,"dur":6000,"volume":0.5}]},
              {"tt":1,"sg":[{"name":"Rain","st":0,"d":6000,"v":80}]},
              {"tt":7,"sg":[{"text":"Hello","st":0,"d":2000}]}],
             "duration":6000,"metadata":{"name":"Holiday"}}
            """);

        Assert.Equal(new DraftSegment("beach", null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4), null), draft.Tracks[0].Segments[0]);
        Assert.Equal(new DraftSegment("Jazz", null, TimeSpan.Zero, TimeSpan.FromSeconds(6), 50), draft.Tracks[1].Segments[0]);
        Assert.Equal(80, draft.Tracks[2].Segments[0].VolumePercent);
        Assert.Equal("Hello", draft.Tracks[3].Segments[0].Text);
        Assert.Equal(TimeSpan.FromSeconds(6), draft.Duration);
        Assert.Equal("Holiday", draft.Title);
        Assert.Equal(
            "Timeline (4 tracks): 1. Video: beach (1-5s) 2. BGM: Jazz (0-6s, 50%) 3. BGM: Rain (0-6s, 80%) 4. Title: \"Hello\" (0-2s)",
            draft.Summarize());
    }

    [Theory]
    [InlineData(1, 100)]
    [InlineData(0, 0)]
    [InlineData(0.355, 36)]
    [InlineData(35, 35)]
    [InlineData(150, 150)]
    public void A_volume_of_at_most_one_is_a_fraction(double volume, int percent)
    {
        var draft = NemoDraft.FromJson($$"""{"t":[{"tt":1,"sg":[{"vol":{{volume.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}]}]}""");

        Assert.Equal(percent, draft.Tracks[0].Segments[0].VolumePercent);
    }

    [Theory]
    [InlineData("""{"t":{"tt":0}}""")]
    [InlineData("""{"t":"tracks"}""")]
    [InlineData("""{"t":null,"d":"10000","m":"meta"}""")]
    [InlineData("""{"t":[42,"x",null,[]]}""")]
    [InlineData("""{"d":-5,"m":{"title":7}}""")]
    public void Malformed_drafts_read_as_having_no_tracks(string json)
    {
        var draft = NemoDraft.FromJson(json);

        Assert.Empty(draft.Tracks);
        Assert.Null(draft.Duration);
        Assert.Null(draft.Title);
        Assert.False(draft.IsExportable);
        Assert.Equal("Timeline (0 tracks): empty", draft.Summarize());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), draft.ToJsonObject()));
    }

    [Fact]
    public void Malformed_tracks_and_segments_read_their_good_parts()
    {
        var draft = NemoDraft.FromJson("""
            {"d":"ten seconds","t":[
              {"tt":"0","sg":[{"n":"a","st":"0","d":"5000","vol":"35"}]},
              {"tt":0},
              {"tt":1,"sg":{"n":"not an array"}},
              {"tt":0.5,"sg":[7,{"n":"b","st":-1,"d":1e300}]}]}
            """);

        Assert.Equal([-1, 0, 1, -1], draft.Tracks.Select(t => t.Type));
        Assert.Equal(new DraftSegment("a", null, TimeSpan.Zero, TimeSpan.Zero, null), draft.Tracks[0].Segments[0]);
        Assert.Empty(draft.Tracks[1].Segments);
        Assert.Empty(draft.Tracks[2].Segments);
        Assert.Equal(new DraftSegment("b", null, TimeSpan.Zero, TimeSpan.Zero, null), Assert.Single(draft.Tracks[3].Segments));
        Assert.Equal(TimeSpan.Zero, draft.Duration);
        Assert.Equal(
            "Timeline (4 tracks): 1. Track: a (0-0s) 2. Video: (no segments) 3. BGM: (no segments) 4. Track: b (0-0s)",
            draft.Summarize());
    }

    [Fact]
    public void Duplicate_keys_do_not_throw()
    {
        var draft = NemoDraft.FromJson("""{"id":"a","id":"b","t":[{"tt":0,"sg":[{"n":"x","n":"y","d":1000}]}]}""");

        Assert.Single(draft.Tracks);
        Assert.NotNull(draft.ToJsonObject());
    }

    [Fact]
    public void Duration_falls_back_to_the_end_of_the_last_segment()
    {
        var draft = NemoDraft.FromJson("""{"t":[{"tt":0,"sg":[{"st":0,"d":4000},{"st":4000,"d":2500}]},{"tt":7,"sg":[{"st":1000,"d":1000}]}]}""");

        Assert.Equal(TimeSpan.FromMilliseconds(6500), draft.Duration);
    }

    [Fact]
    public void Summarize_names_unnamed_clips_by_count_and_other_tracks_by_type()
    {
        var draft = NemoDraft.FromJson("""
            {"t":[
              {"tt":0,"sg":[{"st":0,"d":2000},{"st":2000,"d":2400}]},
              {"tt":0,"sg":[{"st":0,"d":1000}]},
              {"tt":3,"sg":[{"n":"sparkles","st":500,"d":1000}]},
              {"tt":7,"sg":[{"n":"caption","st":0,"d":1000}]}]}
            """);

        Assert.Equal(
            "Timeline (4 tracks): 1. Video: 2 clips (0-4s) 2. Video: 1 clip (0-1s) 3. Track 3: sparkles (1-2s) 4. Title: caption (0-1s)",
            draft.Summarize());
    }

    [Fact]
    public void A_single_track_is_not_plural()
    {
        Assert.StartsWith("Timeline (1 track): 1. BGM: ", NemoDraft.FromJson("""{"t":[{"tt":1,"sg":[{"n":"x","d":1000}]}]}""").Summarize());
    }

    [Fact]
    public void A_draft_sent_as_a_JSON_string_is_read_as_the_object_inside()
    {
        var encoded = JsonSerializer.SerializeToElement(ContractDraft);

        var draft = NemoDraft.Parse(encoded);

        Assert.Equal(3, draft.Tracks.Count);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ContractDraft), draft.ToJsonObject()));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[1,2]")]
    [InlineData("42")]
    [InlineData("\"not json\"")]
    public void Anything_but_an_object_is_an_empty_draft(string json)
    {
        using var document = JsonDocument.Parse(json);

        var draft = NemoDraft.Parse(document.RootElement);

        Assert.Empty(draft.Tracks);
        Assert.Empty(draft.ToJsonObject());
        Assert.Equal("Timeline (0 tracks): empty", draft.Summarize());
    }

    [Fact]
    public void A_default_element_is_an_empty_draft()
    {
        Assert.Empty(NemoDraft.Parse(default).Tracks);
    }

    [Fact]
    public void FromJson_rejects_text_that_is_not_JSON()
    {
        Assert.ThrowsAny<JsonException>(() => NemoDraft.FromJson("{\"t\": ["));
        Assert.Throws<ArgumentNullException>(() => NemoDraft.FromJson(null!));
    }
}
