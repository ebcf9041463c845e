using System.Text.Json.Nodes;

namespace Nemo.Simulator.Tests;

public sealed class DraftBuilderTests
{
    private static UploadRecord Image(string name) => new(name, name + ".jpg", MediaKind.Image, "jpg", "/x/" + name, "http://h/" + name + ".jpg", 1, "h", null, null);

    [Fact]
    public void One_video_segment_per_image_back_to_back()
    {
        var draft = DraftBuilder.Build("42", 1, new DraftSpec { Music = "Lo-Fi", Title = "T" }, [Image("city_night"), Image("beach-day")], "x");

        var video = draft["t"]![0]!["sg"]!.AsArray();
        Assert.Equal(["city night", "beach day"], video.Select(s => (string)s!["n"]!));
        Assert.Equal([0, 5000], video.Select(s => (int)s!["st"]!));
        Assert.Equal(10_000, (int)draft["d"]!);
        Assert.Equal("http://h/beach-day.jpg", (string)video[1]!["src"]!);
        Assert.Equal(10_000, (int)draft["t"]![1]!["sg"]![0]!["d"]!);
        Assert.Equal(35, (int)draft["t"]![1]!["sg"]![0]!["vol"]!);
        Assert.Equal(3000, (int)draft["t"]![2]!["sg"]![0]!["d"]!);
        Assert.True(DraftBuilder.IsExportable(draft));
    }

    [Fact]
    public void Exportable_means_some_track_has_segments()
    {
        Assert.False(DraftBuilder.IsExportable(DraftBuilder.Empty("1")));
        Assert.False(DraftBuilder.IsExportable(JsonNode.Parse("""{"t":[{"tt":0,"sg":[]}]}""")));
        Assert.True(DraftBuilder.IsExportable(JsonNode.Parse("""{"t":[{"tt":0,"sg":[]},{"tt":7,"sg":[{"tx":"a"}]}]}""")));
        Assert.False(DraftBuilder.IsExportable(null));
    }
}
