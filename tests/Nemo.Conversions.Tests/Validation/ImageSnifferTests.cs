namespace Nemo.Conversions.Tests.Validation;

public sealed class ImageSnifferTests
{
    public static TheoryData<string, byte[], string> Images => new()
    {
        { "jpeg", SampleFiles.Jpeg, "jpg" },
        { "png", SampleFiles.Png, "png" },
        { "gif89a", SampleFiles.Gif, "gif" },
        { "gif87a", SampleFiles.Gif87, "gif" },
        { "webp", SampleFiles.Webp, "webp" },
        { "heic", SampleFiles.Heic("heic"), "heic" },
        { "heix", SampleFiles.Heic("heix"), "heic" },
        { "heim", SampleFiles.Heic("heim"), "heic" },
        { "heis", SampleFiles.Heic("heis"), "heic" },
        { "mif1", SampleFiles.Heic("mif1"), "heic" },
        { "msf1", SampleFiles.Heic("msf1"), "heic" },
        { "hevc", SampleFiles.Heic("hevc"), "heic" },
    };

    public static TheoryData<string, byte[], string> NotImages => new()
    {
        { "pdf", SampleFiles.Pdf, "a PDF document" },
        { "zip", SampleFiles.Zip, "a ZIP archive (or an Office document)" },
        { "mp4", SampleFiles.Mp4, "an MP4 video" },
        { "mov", SampleFiles.Mov, "a QuickTime (MOV) video" },
        { "text", SampleFiles.Text, "text" },
        { "html", SampleFiles.Html, "an HTML page" },
        { "binary", SampleFiles.Binary, "data in a format we do not recognise" },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void Sniff_ImageSignature_ReturnsFormat(string label, byte[] content, string expected)
    {
        var result = ImageSniffer.Sniff(content.AsSpan(0, Math.Min(content.Length, ImageSniffer.HeaderLength)));

        Assert.True(result.IsImage, label);
        Assert.Equal(expected, result.Format);
    }

    [Theory]
    [MemberData(nameof(NotImages))]
    public void Sniff_CommonNonImage_NamesWhatItIs(string label, byte[] content, string expected)
    {
        var result = ImageSniffer.Sniff(content.AsSpan(0, Math.Min(content.Length, ImageSniffer.HeaderLength)));

        Assert.False(result.IsImage, label);
        Assert.False(result.IsOtherImage, label);
        Assert.Equal(expected, result.Description);
    }

    [Fact]
    public void Sniff_AvifBrand_IsAnImageNemoDoesNotTake()
    {
        var result = ImageSniffer.Sniff(SampleFiles.Avif.AsSpan(0, 32));

        Assert.Null(result.Format);
        Assert.True(result.IsOtherImage);
        Assert.Equal("an AVIF image", result.Description);
    }

    [Fact]
    public void Sniff_Svg_IsAnImageNemoDoesNotTake()
    {
        var result = ImageSniffer.Sniff(SampleFiles.Svg.AsSpan(0, ImageSniffer.HeaderLength));

        Assert.True(result.IsOtherImage);
        Assert.Equal("an SVG drawing", result.Description);
    }

    [Fact]
    public void Sniff_TextCutInsideMultiByteCharacter_IsStillText()
    {
        // "ü" is two bytes in UTF-8; cut after the first.
        var bytes = "Grü"u8.ToArray()[..^1];

        Assert.Equal("text", ImageSniffer.Sniff(bytes).Description);
    }

    [Fact]
    public void Sniff_TruncatedJpegSignature_IsNotAnImage()
    {
        Assert.False(ImageSniffer.Sniff([0xFF, 0xD8]).IsImage);
    }

    [Fact]
    public void Sniff_RiffWithoutWebp_IsNotAnImage()
    {
        byte[] wav = [.. "RIFF"u8, 0, 0, 0, 0, .. "WAVEfmt "u8];

        var result = ImageSniffer.Sniff(wav);

        Assert.False(result.IsImage);
        Assert.Equal("a WAV audio file", result.Description);
    }
}
