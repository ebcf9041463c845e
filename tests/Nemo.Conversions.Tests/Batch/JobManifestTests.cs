namespace Nemo.Conversions.Tests.Batch;

public sealed class JobManifestTests
{
    private static StepResult<BatchRequest> Parse(string json, string folder = "inbox/holiday", string job = "holiday") =>
        JobManifest.Parse(json, folder, job);

    private static IEnumerable<string> Messages(StepResult<BatchRequest> result) => result.Failure!.Problems!.Select(p => p.Message);

    [Fact]
    public void Parse_FullManifest_MergesDefaultsAndResolvesPaths()
    {
        var result = Parse("""
            {
              "concurrency": 2,
              "defaults": { "profile": "ezgif", "prompt": "loop it", "options": { "aspectRatio": "9:16", "backgroundMusic": true } },
              "items": [
                { "images": ["beach.jpg", "photos/sun.png"] },
                { "name": "Night Shot", "images": ["./night.jpg"], "prompt": "make it moody", "profile": "best",
                  "options": { "durationSeconds": 20, "backgroundMusic": false } }
              ]
            }
            """);

        var batch = result.Value!;
        Assert.Equal("holiday", batch.Name);
        Assert.Equal(2, batch.Concurrency);
        Assert.Equal(2, batch.Items.Count);

        var first = batch.Items[0];
        Assert.Equal("holiday/beach", first.Name);
        Assert.Equal(["inbox/holiday/beach.jpg", "inbox/holiday/photos/sun.png"], first.Images);
        Assert.Equal("loop it", first.Prompt);
        Assert.Equal("ezgif", first.Profile);
        Assert.Equal(new ConversionOptions(AspectRatio.Portrait, BackgroundMusic: true), first.Options);

        var second = batch.Items[1];
        Assert.Equal("holiday/Night Shot", second.Name);
        Assert.Equal(["inbox/holiday/night.jpg"], second.Images);
        Assert.Equal("make it moody", second.Prompt);
        Assert.Equal("best", second.Profile);
        Assert.Equal(new ConversionOptions(AspectRatio.Portrait, 20, false), second.Options);
    }

    [Fact]
    public void Parse_NoDefaults_UsesBestProfileConcurrencyFourAndNoOptions()
    {
        var batch = Parse("""{ "items": [ { "images": ["a.jpg"], "prompt": "go" } ] }""").Value!;

        Assert.Equal(JobManifest.DefaultConcurrency, batch.Concurrency);
        Assert.Equal("best", batch.Items[0].Profile);
        Assert.Null(batch.Items[0].Options);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-5, 1)]
    [InlineData(16, 16)]
    [InlineData(100, 16)]
    public void Parse_Concurrency_IsClamped(int given, int expected)
    {
        var batch = Parse($$"""{ "concurrency": {{given}}, "items": [ { "images": ["a.jpg"], "prompt": "go" } ] }""").Value!;

        Assert.Equal(expected, batch.Concurrency);
    }

    [Fact]
    public void Parse_ConcurrencyNotANumber_Fails()
    {
        var result = Parse("""{ "concurrency": "lots", "items": [ { "images": ["a.jpg"], "prompt": "go" } ] }""");

        Assert.Contains("concurrency: must be a whole number from 1 to 16; got \"lots\".", Messages(result));
    }

    [Fact]
    public void Parse_MoreItemsThanTheCap_IsRefusedWholeWithTheFigures()
    {
        var items = string.Join(",", Enumerable.Range(0, JobManifest.DefaultMaxItems + 1).Select(i => $$"""{"images":["{{i}}.jpg"]}"""));

        var result = Parse("{\"defaults\":{\"prompt\":\"pan\"},\"items\":[" + items + "]}");

        var problem = Assert.Single(result.Failure!.Problems!);
        Assert.Equal("count", problem.Rule);
        Assert.Equal("items: 101 items; a job takes at most 100. Split it into several jobs, or raise the limit.", problem.Message);
        Assert.True(JobManifest.Parse("{\"defaults\":{\"prompt\":\"pan\"},\"items\":[" + items + "]}", "inbox/holiday", "holiday", maxItems: 101).Succeeded);
    }

    [Fact]
    public void Parse_InvalidJson_FailsWithTerminalValidateFailure()
    {
        var result = Parse("{ \"items\": [ ");

        Assert.False(result.Succeeded);
        Assert.Equal(ConversionStage.Validate, result.Failure!.Stage);
        Assert.Equal(FailureKind.Terminal, result.Failure.Kind);
        var problem = Assert.Single(result.Failure.Problems!);
        Assert.Equal(("holiday/job.json", "manifest"), (problem.File, problem.Rule));
        Assert.StartsWith("holiday/job.json is not valid JSON:", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("""{ "items": {} }""")]
    public void Parse_NoItemsList_Fails(string json)
    {
        Assert.False(Parse(json).Succeeded);
    }

    [Fact]
    public void Parse_EmptyItems_FailsWithCountRule()
    {
        var problem = Assert.Single(Parse("""{ "items": [] }""").Failure!.Problems!);

        Assert.Equal("count", problem.Rule);
        Assert.Equal("items: the list is empty; add at least one item.", problem.Message);
    }

    [Fact]
    public void Parse_ItemWithoutImages_NamesTheItemIndex()
    {
        var result = Parse("""{ "items": [ { "images": ["a.jpg"], "prompt": "go" }, { "images": ["b.jpg"], "prompt": "go" }, { "prompt": "go" } ] }""");

        Assert.Equal(
            ["items[2].images: missing; list the item's image files, e.g. \"images\": [\"photo.jpg\"]."],
            Messages(result));
    }

    [Fact]
    public void Parse_EmptyImages_FailsWithCount()
    {
        var result = Parse("""{ "items": [ { "name": "x", "images": [], "prompt": "go" } ] }""");

        Assert.Contains("items[0].images: 0 images; an item takes from 1 to 20.", Messages(result));
    }

    [Fact]
    public void Parse_TooManyImages_FailsWithCount()
    {
        var images = string.Join(",", Enumerable.Range(0, 21).Select(i => $"\"{i}.jpg\""));

        var result = Parse($$"""{ "items": [ { "images": [{{images}}], "prompt": "go" } ] }""");

        Assert.Contains("items[0].images: 21 images; an item takes from 1 to 20.", Messages(result));
    }

    [Theory]
    [InlineData("../other/a.jpg", "items[0].images[0]: '../other/a.jpg' points outside the job folder ('..' is not allowed).")]
    [InlineData("photos/../../a.jpg", "items[0].images[0]: 'photos/../../a.jpg' points outside the job folder ('..' is not allowed).")]
    [InlineData("/etc/passwd", "items[0].images[0]: '/etc/passwd' is not a path inside the job folder; use a relative path with '/', e.g. \"photos/a.jpg\".")]
    [InlineData("C:/a.jpg", "items[0].images[0]: 'C:/a.jpg' is not a path inside the job folder; use a relative path with '/', e.g. \"photos/a.jpg\".")]
    [InlineData("photos\\\\a.jpg", "items[0].images[0]: 'photos\\a.jpg' is not a path inside the job folder; use a relative path with '/', e.g. \"photos/a.jpg\".")]
    public void Parse_ImagePathOutsideFolder_IsRejected(string path, string expected)
    {
        var result = Parse($$"""{ "items": [ { "name": "x", "images": ["{{path}}"], "prompt": "go" } ] }""");

        Assert.Equal([expected], Messages(result));
    }

    [Fact]
    public void Parse_ImageNotAString_IsRejected()
    {
        var result = Parse("""{ "items": [ { "name": "x", "images": [42], "prompt": "go" } ] }""");

        Assert.Equal(["items[0].images[0]: must be a file name relative to the job folder, e.g. \"photo.jpg\"."], Messages(result));
    }

    [Fact]
    public void Parse_NoPromptAnywhere_SaysDefaultsPromptIsNotSet()
    {
        var result = Parse("""{ "items": [ { "images": ["a.jpg"] } ] }""");

        var problem = Assert.Single(result.Failure!.Problems!);
        Assert.Equal("prompt", problem.Rule);
        Assert.Equal("items[0].prompt: no prompt, and defaults.prompt is not set.", problem.Message);
    }

    [Fact]
    public void Parse_PromptTooLong_SaysTheLimit()
    {
        var result = Parse($$"""{ "items": [ { "images": ["a.jpg"], "prompt": "{{new string('x', 2001)}}" } ] }""");

        Assert.Equal(["items[0].prompt: The prompt is 2001 characters long; the limit is 2000."], Messages(result));
    }

    [Fact]
    public void Parse_UnknownProfile_ListsTheFive()
    {
        var result = Parse("""{ "defaults": { "profile": "turbo" }, "items": [ { "images": ["a.jpg"], "prompt": "go" } ] }""");

        Assert.Equal(
            ["items[0].profile: Unknown profile 'turbo'. Choose one of: best, long-duration, motion-control, animation-generator, ezgif."],
            Messages(result));
    }

    [Fact]
    public void Parse_DuplicateDefaultNames_AreRejectedWithBothIndexes()
    {
        var result = Parse("""{ "defaults": { "prompt": "go" }, "items": [ { "images": ["a/beach.jpg"] }, { "images": ["b/beach.png"] } ] }""");

        Assert.Equal(
            ["items[1].name: 'beach' is already the name of items[0]; give each item its own \"name\"."],
            Messages(result));
    }

    [Fact]
    public void Parse_DuplicateNamesDifferingInCase_AreRejected()
    {
        var result = Parse("""{ "defaults": { "prompt": "go" }, "items": [ { "name": "Beach", "images": ["a.jpg"] }, { "name": "beach", "images": ["b.jpg"] } ] }""");

        Assert.False(result.Succeeded);
    }

    [Fact]
    public void Parse_InvalidItemName_FailsWithNameRule()
    {
        var result = Parse("""{ "items": [ { "name": "../up", "images": ["a.jpg"], "prompt": "go" } ] }""");

        var problem = Assert.Single(result.Failure!.Problems!);
        Assert.Equal("name", problem.Rule);
        Assert.StartsWith("items[0].name: The name '../up' contains '..'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadOptions_NameTheField()
    {
        var result = Parse("""
            { "items": [ { "images": ["a.jpg"], "prompt": "go",
              "options": { "aspectRatio": "4:3", "durationSeconds": 0, "backgroundMusic": "yes", "language": "", "speed": 2 } } ] }
            """);

        Assert.Equal(
            [
                "items[0].options.aspectRatio: must be \"16:9\", \"9:16\" or \"1:1\"; got \"4:3\".",
                "items[0].options.durationSeconds: must be a whole number of seconds from 1 to 600; got 0.",
                "items[0].options.backgroundMusic: must be true or false; got \"yes\".",
                "items[0].options.language: must be a language code such as \"en\"; got \"\".",
                "items[0].options.speed: unknown option; the options are aspectRatio, durationSeconds, backgroundMusic and language.",
            ],
            Messages(result));
    }

    [Fact]
    public void Parse_OptionsAliasesAndLanguage_AreRead()
    {
        var batch = Parse("""{ "items": [ { "images": ["a.jpg"], "prompt": "go", "options": { "aspectRatio": "square", "language": "de" } } ] }""").Value!;

        Assert.Equal(new ConversionOptions(AspectRatio.Square, Language: "de"), batch.Items[0].Options);
    }

    [Fact]
    public void Parse_WrongTypeForPrompt_Fails()
    {
        var result = Parse("""{ "items": [ { "images": ["a.jpg"], "prompt": 5 } ] }""");

        Assert.Contains("items[0].prompt: must be a string; got 5.", Messages(result));
    }

    [Fact]
    public void Parse_InvalidJobName_Fails()
    {
        var result = Parse("""{ "items": [ { "images": ["a.jpg"], "prompt": "go" } ] }""", job: "..");

        Assert.Contains(result.Failure!.Problems!, p => p.Rule == "name");
    }

    [Fact]
    public void Parse_SeveralBrokenItems_CollectsEveryProblem()
    {
        var result = Parse("""{ "items": [ { "images": [] , "name": "a" }, "nope", { "images": ["../x.jpg"], "prompt": "go", "name": "b" } ] }""");

        Assert.Equal(4, result.Failure!.Problems!.Count);
        Assert.StartsWith("4 problems", result.Failure.Reason, StringComparison.Ordinal);
        Assert.Contains("items[1]: must be an object with \"images\" and a prompt.", Messages(result));
    }

    [Fact]
    public void Parse_TrailingCommasAndComments_AreTolerated()
    {
        var result = Parse("""
            {
              // made by hand
              "items": [ { "images": ["a.jpg",], "prompt": "go", }, ],
            }
            """);

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Parse_FolderKeyWithSlashes_IsJoinedOnce()
    {
        var batch = JobManifest.Parse("""{ "items": [ { "images": ["a.jpg"], "prompt": "go" } ] }""", "/inbox/holiday/", "holiday").Value!;

        Assert.Equal(["inbox/holiday/a.jpg"], batch.Items[0].Images);
    }
}
