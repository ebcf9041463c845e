using Nemo.Conversions.Tests.Requests;

namespace Nemo.Conversions.Tests.Validation;

public sealed class ConversionValidatorTests
{
    private const long MiB = 1024 * 1024;
    private readonly InMemoryMediaStore _store = new();

    private ConversionValidator Validator => new(_store);

    private static ConversionRequest Request(string profile = "best", string prompt = "animate it", string name = "out", params string[] images) =>
        new(name, images, prompt, profile);

    [Fact]
    public async Task ValidateAsync_ValidImages_ReturnsThemInRequestOrderWithFormats()
    {
        _store.Add("in/b.png", SampleFiles.Png);
        _store.Add("in/a.jpg", SampleFiles.Jpeg);
        _store.Add("in/c.heic", SampleFiles.Heic());
        _store.Add("in/d.webp", SampleFiles.Webp);

        var result = await Validator.ValidateAsync(Request(images: ["in/b.png", "in/a.jpg", "in/c.heic", "in/d.webp"]));

        Assert.True(result.Succeeded);
        Assert.Equal(
            [("in/b.png", "b.png", "png"), ("in/a.jpg", "a.jpg", "jpg"), ("in/c.heic", "c.heic", "heic"), ("in/d.webp", "d.webp", "webp")],
            result.Value!.Select(i => (i.Key, i.FileName, i.Format)));
        Assert.Equal(SampleFiles.Png.Length, result.Value![0].Bytes);
    }

    [Fact]
    public async Task ValidateAsync_PdfBehindJpgName_FailsWithTypeRuleNamingFileAndContent()
    {
        _store.Add("in/x.jpg", SampleFiles.Pdf);

        var result = await Validator.ValidateAsync(Request(images: ["in/x.jpg"]));

        var problem = Assert.Single(result.Failure!.Problems!);
        Assert.Equal(new ValidationProblem("x.jpg", "type", "x.jpg is not an image: its content is a PDF document."), problem);
        Assert.Equal(ConversionStage.Validate, result.Failure.Stage);
        Assert.Equal(FailureKind.Terminal, result.Failure.Kind);
        Assert.Equal(problem.Message, result.Failure.Reason);
    }

    [Fact]
    public async Task ValidateAsync_PngBehindGifName_AcceptsByContent()
    {
        _store.Add("in/fake.gif", SampleFiles.Png);

        var result = await Validator.ValidateAsync(Request(images: ["in/fake.gif"]));

        Assert.Equal("png", Assert.Single(result.Value!).Format);
    }

    [Fact]
    public async Task ValidateAsync_TiffImage_SaysNemoDoesNotTakeItAndListsFormats()
    {
        _store.Add("in/scan.jpg", [.. "II*\0"u8, 8, 0, 0, 0, 0, 0]);

        var result = await Validator.ValidateAsync(Request(images: ["in/scan.jpg"]));

        var problem = Assert.Single(result.Failure!.Problems!);
        Assert.Equal("type", problem.Rule);
        Assert.Equal("scan.jpg is not an image Nemo takes: its content is a TIFF image. Use JPEG, PNG, GIF, WebP or HEIC.", problem.Message);
    }

    [Fact]
    public async Task ValidateAsync_ZeroBytes_FailsWithEmptyRule()
    {
        _store.Add("in/blank.png", []);

        var result = await Validator.ValidateAsync(Request(images: ["in/blank.png"]));

        Assert.Equal(new ValidationProblem("blank.png", "empty", "blank.png is empty (0 bytes)."), Assert.Single(result.Failure!.Problems!));
    }

    [Fact]
    public async Task ValidateAsync_MissingFile_FailsWithUnreadableRule()
    {
        var result = await Validator.ValidateAsync(Request(images: ["in/gone.jpg"]));

        var problem = Assert.Single(result.Failure!.Problems!);
        Assert.Equal(("gone.jpg", "unreadable"), (problem.File, problem.Rule));
        Assert.StartsWith("gone.jpg cannot be read:", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateAsync_FileThatCannotBeOpened_FailsWithUnreadableRuleAndCause()
    {
        _store.AddUnreadable("in/locked.jpg", 100);

        var result = await Validator.ValidateAsync(Request(images: ["in/locked.jpg"]));

        Assert.Equal(
            new ValidationProblem("locked.jpg", "unreadable", "locked.jpg cannot be read: Access to 'locked.jpg' is denied."),
            Assert.Single(result.Failure!.Problems!));
    }

    [Fact]
    public async Task ValidateAsync_OverProfileLimit_FailsWithSizeRuleSayingLimitAndSize_ReadingOnlyTheHeader()
    {
        _store.AddGenerated("in/huge.png", 250 * MiB);

        var result = await Validator.ValidateAsync(Request(images: ["in/huge.png"]));

        Assert.Equal(
            new ValidationProblem("huge.png", "size", "huge.png is 250.0 MB; profile 'best' takes files up to 200 MB."),
            Assert.Single(result.Failure!.Problems!));
        var opened = Assert.Single(_store.Opened);
        Assert.True(opened.BytesRead <= ImageSniffer.HeaderLength, $"read {opened.BytesRead} bytes");
        Assert.True(opened.Disposed);
    }

    [Fact]
    public async Task ValidateAsync_JustOverTheLimit_SaysTheSizesInBytesSoTheyDoNotReadTheSame()
    {
        _store.AddGenerated("in/edge.png", (50 * MiB) + 1);

        var result = await Validator.ValidateAsync(Request(profile: "motion-control", images: ["in/edge.png"]));

        var problem = Assert.Single(result.Failure!.Problems!, p => p.Rule == "size");
        Assert.Equal("edge.png is 52,428,801 bytes; profile 'motion-control' takes files up to 52,428,800 bytes (50 MB).", problem.Message);
    }

    [Fact]
    public async Task ValidateAsync_MotionControlLimit_Is50Megabytes()
    {
        _store.AddGenerated("in/big.png", 60 * MiB);
        _store.AddGenerated("in/ok.png", 50 * MiB);

        var result = await Validator.ValidateAsync(Request(profile: "motion-control", images: ["in/big.png", "in/ok.png"]));

        // The generated bytes are no real picture (ok.png is also refused as broken); only big.png breaks the size rule.
        var problem = Assert.Single(result.Failure!.Problems!, p => p.Rule == "size");
        Assert.Equal("big.png is 60.0 MB; profile 'motion-control' takes files up to 50 MB.", problem.Message);
    }

    [Fact]
    public async Task ValidateAsync_GifForBest_FailsWithFormatRuleNamingAcceptedFormatsAndEzgif()
    {
        _store.Add("in/loop.gif", SampleFiles.Gif);

        var result = await Validator.ValidateAsync(Request(images: ["in/loop.gif"]));

        Assert.Equal(
            new ValidationProblem(
                "loop.gif",
                "format",
                "loop.gif is a GIF image, which profile 'best' does not take: it takes JPEG, PNG, WebP or HEIC. The 'ezgif' profile takes GIF."),
            Assert.Single(result.Failure!.Problems!));
    }

    [Fact]
    public async Task ValidateAsync_GifForEzgif_Succeeds()
    {
        _store.Add("in/loop.gif", SampleFiles.Gif);

        var result = await Validator.ValidateAsync(Request(profile: "ezgif", images: ["in/loop.gif"]));

        Assert.Equal("gif", Assert.Single(result.Value!).Format);
    }

    [Fact]
    public async Task ValidateAsync_HeicForEzgif_FailsNamingProfilesThatTakeHeic()
    {
        _store.Add("in/phone.heic", SampleFiles.Heic());

        var result = await Validator.ValidateAsync(Request(profile: "ezgif", images: ["in/phone.heic"]));

        var problem = Assert.Single(result.Failure!.Problems!);
        Assert.Equal("format", problem.Rule);
        Assert.Equal(
            "phone.heic is a HEIC image, which profile 'ezgif' does not take: it takes JPEG, PNG, GIF or WebP. "
            + "These profiles take HEIC: best, long-duration, motion-control, animation-generator.",
            problem.Message);
    }

    [Fact]
    public async Task ValidateAsync_UnknownProfile_ListsTheFive()
    {
        _store.Add("in/a.png", SampleFiles.Png);

        var result = await Validator.ValidateAsync(Request(profile: "fastest", images: ["in/a.png"]));

        Assert.Equal(
            new ValidationProblem("profile", "profile", "Unknown profile 'fastest'. Choose one of: best, long-duration, motion-control, animation-generator, ezgif."),
            Assert.Single(result.Failure!.Problems!));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task ValidateAsync_EmptyPrompt_FailsWithPromptRule(string prompt)
    {
        _store.Add("in/a.png", SampleFiles.Png);

        var result = await Validator.ValidateAsync(Request(prompt: prompt, images: ["in/a.png"]));

        Assert.Equal(
            new ValidationProblem("prompt", "prompt", "The prompt is empty: say what the video should show."),
            Assert.Single(result.Failure!.Problems!));
    }

    [Fact]
    public async Task ValidateAsync_PromptOverLimit_SaysLengthAndLimit()
    {
        _store.Add("in/a.png", SampleFiles.Png);

        var result = await Validator.ValidateAsync(Request(prompt: new string('x', ConversionLimits.MaxPromptLength + 1), images: ["in/a.png"]));

        Assert.Equal("The prompt is 2001 characters long; the limit is 2000.", Assert.Single(result.Failure!.Problems!).Message);
    }

    [Fact]
    public async Task ValidateAsync_PromptAtLimit_Succeeds()
    {
        _store.Add("in/a.png", SampleFiles.Png);

        var result = await Validator.ValidateAsync(Request(prompt: new string('x', ConversionLimits.MaxPromptLength), images: ["in/a.png"]));

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task ValidateAsync_NoImages_FailsWithCountRule()
    {
        var result = await Validator.ValidateAsync(Request());

        Assert.Equal(
            new ValidationProblem("images", "count", "No images were given: a conversion needs at least one."),
            Assert.Single(result.Failure!.Problems!));
    }

    [Fact]
    public async Task ValidateAsync_TooManyImages_FailsWithCountRule()
    {
        var keys = Enumerable.Range(0, ConversionLimits.MaxImages + 1).Select(i => $"in/{i}.png").ToArray();
        foreach (var key in keys)
        {
            _store.Add(key, SampleFiles.Png);
        }

        var result = await Validator.ValidateAsync(Request(images: keys));

        Assert.Equal(
            new ValidationProblem("images", "count", "21 images were given; a conversion takes at most 20."),
            Assert.Single(result.Failure!.Problems!));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a\\b")]
    [InlineData("")]
    public async Task ValidateAsync_InvalidOutputName_FailsWithNameRule(string name)
    {
        _store.Add("in/a.png", SampleFiles.Png);

        var result = await Validator.ValidateAsync(Request(name: name, images: ["in/a.png"]));

        var problem = Assert.Single(result.Failure!.Problems!);
        Assert.Equal(("name", "name"), (problem.File, problem.Rule));
        Assert.StartsWith("The output name is not usable: ", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateAsync_SeveralProblems_CollectsAllInOrderAndSummarisesInOneParagraph()
    {
        _store.Add("in/x.jpg", SampleFiles.Pdf);
        _store.Add("in/blank.png", []);
        _store.Add("in/loop.gif", SampleFiles.Gif);
        _store.Add("in/good.png", SampleFiles.Png);

        var result = await Validator.ValidateAsync(Request(prompt: "", images: ["in/x.jpg", "in/blank.png", "in/good.png", "in/loop.gif"]));

        var problems = result.Failure!.Problems!;
        Assert.Equal(
            [("prompt", "prompt"), ("x.jpg", "type"), ("blank.png", "empty"), ("loop.gif", "format")],
            problems.Select(p => (p.File, p.Rule)));
        Assert.StartsWith("4 problems stopped this conversion before any credit was spent: The prompt is empty", result.Failure.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', result.Failure.Reason);
        Assert.All(problems, p => Assert.Contains(p.Message, result.Failure.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ValidateAsync_OversizedAndWrongType_ReportsBothRulesForTheFile()
    {
        _store.AddGenerated("in/huge.png", 250 * MiB);
        _store.Add("in/doc.png", SampleFiles.Zip);

        var result = await Validator.ValidateAsync(Request(images: ["in/huge.png", "in/doc.png"]));

        Assert.Equal([("huge.png", "size"), ("doc.png", "type")], result.Failure!.Problems!.Select(p => (p.File, p.Rule)));
    }

    [Fact]
    public async Task ValidateAsync_UnknownProfile_StillChecksImageContent()
    {
        _store.Add("in/x.jpg", SampleFiles.Text);

        var result = await Validator.ValidateAsync(Request(profile: "nope", images: ["in/x.jpg"]));

        Assert.Equal(
            [("profile", "profile"), ("x.jpg", "type")],
            result.Failure!.Problems!.Select(p => (p.File, p.Rule)));
        Assert.Contains("x.jpg is not an image: its content is text.", result.Failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateAsync_ProfileBySkillSourceName_IsAccepted()
    {
        _store.Add("in/a.png", SampleFiles.Png);

        var result = await Validator.ValidateAsync(Request(profile: "image-to-video-ezgif", images: ["in/a.png"]));

        Assert.True(result.Succeeded);
    }

    public static TheoryData<string, string> CutShort => new()
    {
        { "t.jpg", "JPEG" },
        { "t.png", "PNG" },
        { "t.gif", "GIF" },
        { "t.webp", "WebP" },
        { "t.heic", "HEIC" },
    };

    [Theory]
    [MemberData(nameof(CutShort))]
    public async Task ValidateAsync_ImageCutShort_FailsWithTruncatedRuleBeforeAnySpend(string file, string format)
    {
        var whole = file[2..] switch
        {
            "jpg" => TestImages.Jpeg(640, 480),
            "png" => TestImages.Png(640, 480),
            "gif" => TestImages.Gif(),
            "webp" => TestImages.Webp(640, 480),
            _ => TestImages.Heic(),
        };
        _store.Add("in/" + file, whole[..(whole.Length * 2 / 3)]);

        var result = await Validator.ValidateAsync(Request(profile: file.EndsWith(".gif", StringComparison.Ordinal) ? "ezgif" : "best", images: ["in/" + file]));

        var problem = Assert.Single(result.Failure!.Problems!);
        Assert.Equal((file, "truncated"), (problem.File, problem.Rule));
        Assert.StartsWith($"{file} is cut short: the {format} ends before", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateAsync_TheIssuesFirstKilobyteOfAJpeg_IsCutShort()
    {
        // head -c 1024 samples/coffee.jpg > t.jpg
        var coffee = await File.ReadAllBytesAsync(Path.Combine(Samples.Directory, "coffee.jpg"));
        _store.Add("in/t.jpg", coffee[..1024]);

        var result = await Validator.ValidateAsync(Request(images: ["in/t.jpg"]));

        Assert.Equal(
            "t.jpg is cut short: the JPEG ends before its image data is complete (was it still being copied or downloaded?).",
            Assert.Single(result.Failure!.Problems!).Message);
    }

    [Fact]
    public async Task ValidateAsync_PngWithGarbageForItsImageData_IsDamaged()
    {
        var png = TestImages.Png(640, 480);
        // Whole in length, but the compressed pixels in the middle of IDAT are overwritten.
        png.AsSpan(png.Length / 2, 64).Fill(0x5A);
        _store.Add("in/broken.png", png);

        var result = await Validator.ValidateAsync(Request(images: ["in/broken.png"]));

        var problem = Assert.Single(result.Failure!.Problems!);
        Assert.Equal(("broken.png", "damaged"), (problem.File, problem.Rule));
        Assert.StartsWith("broken.png is damaged: its PNG data cannot be decoded", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateAsync_WholeImagesOfEveryFormat_Pass()
    {
        _store.Add("in/a.jpg", TestImages.Jpeg(1920, 1080));
        _store.Add("in/b.png", TestImages.Png(640, 480));
        _store.Add("in/c.webp", TestImages.Webp(1920, 1080));
        _store.Add("in/d.heic", TestImages.Heic());

        var result = await Validator.ValidateAsync(Request(images: ["in/a.jpg", "in/b.png", "in/c.webp", "in/d.heic"]));

        Assert.True(result.Succeeded, result.Failure?.Reason);
    }
}
