namespace Nemo.Conversions.Tests.Requests;

public sealed class ConversionNamesTests
{
    [Theory]
    [InlineData("My photo ü.jpg", "My photo ü")]
    [InlineData("beach.jpg", "beach")]
    [InlineData("beach.final.png", "beach.final")]
    [InlineData("no-extension", "no-extension")]
    [InlineData(".hidden", "hidden")]
    [InlineData("日本の写真.heic", "日本の写真")]
    public void FromFileName_OrdinaryNames_StripsOnlyTheExtension(string fileName, string expected)
    {
        Assert.Equal(expected, ConversionNames.FromFileName(fileName));
    }

    [Theory]
    [InlineData("../../etc/passwd.jpg")]
    [InlineData("a/b.jpg")]
    [InlineData("a\\b.jpg")]
    [InlineData("evil\u0001name.jpg")]
    [InlineData("what?.jpg")]
    [InlineData("x..y.png")]
    public void FromFileName_UnsafeCharacters_GivesAValidName(string fileName)
    {
        var name = ConversionNames.FromFileName(fileName);

        Assert.True(ConversionNames.IsValid(name, out var reason), reason);
        Assert.DoesNotContain("/", name, StringComparison.Ordinal);
        Assert.DoesNotContain("..", name, StringComparison.Ordinal);
    }

    [Fact]
    public void FromFileName_PathTraversal_ReplacesSeparatorsAndDots()
    {
        Assert.Equal("__etc_passwd", ConversionNames.FromFileName("../etc/passwd.jpg"));
        Assert.Equal("x_y", ConversionNames.FromFileName("x..y.png"));
        Assert.Equal("a_b", ConversionNames.FromFileName("a/b.jpg"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("...")]
    [InlineData("..jpg")]
    [InlineData("\u0001\u0002.png")]
    public void FromFileName_NothingUsableLeft_FallsBack(string fileName)
    {
        Assert.Equal(ConversionNames.Fallback, ConversionNames.FromFileName(fileName));
    }

    [Fact]
    public void FromFileName_VeryLong_IsTruncatedToAValidName()
    {
        var name = ConversionNames.FromFileName(new string('a', 500) + ".jpg");

        Assert.True(name.Length <= 100);
        Assert.True(ConversionNames.IsValid(name, out _));
    }

    [Theory]
    [InlineData("beach")]
    [InlineData("My photo ü")]
    [InlineData("job-1/beach")]
    [InlineData("Ferien 2025/Strand am Meer")]
    public void IsValid_SafeNames_True(string name)
    {
        Assert.True(ConversionNames.IsValid(name, out var reason));
        Assert.Null(reason);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("..", "'..'")]
    [InlineData("a/../b", "'..'")]
    [InlineData("a..b", "'..'")]
    [InlineData("./a", "'..' or '.'")]
    [InlineData("/abs", "starts or ends with '/'")]
    [InlineData("trailing/", "starts or ends with '/'")]
    [InlineData("a//b", "empty part")]
    [InlineData("a\\b", "'\\'")]
    [InlineData("bell\u0007", "control characters")]
    [InlineData("c:drive", "< > : \" | ? *")]
    [InlineData("what?", "< > : \" | ? *")]
    [InlineData(" padded", "space")]
    [InlineData("dot.", "ends with '.'")]
    public void IsValid_UnsafeNames_FalseWithReason(string name, string expectedInReason)
    {
        Assert.False(ConversionNames.IsValid(name, out var reason));
        Assert.Contains(expectedInReason, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void IsValid_TooLong_SaysTheLimit()
    {
        Assert.False(ConversionNames.IsValid(new string('a', 201), out var reason));
        Assert.Equal("The name is 201 characters long; the limit is 200.", reason);
    }

    [Theory]
    [InlineData("beach", 1, "beach.mp4", "beach.result.json")]
    [InlineData("beach", 2, "beach.v2.mp4", "beach.v2.result.json")]
    [InlineData("job/item", 3, "job/item.v3.mp4", "job/item.v3.result.json")]
    public void OutputAndResult_Version_NamesFiles(string name, int version, string output, string result)
    {
        Assert.Equal(output, ConversionNames.Output(name, version));
        Assert.Equal(result, ConversionNames.Result(name, version));
    }

    [Fact]
    public void Output_VersionZero_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ConversionNames.Output("beach", 0));
    }

    [Fact]
    public void Summary_BatchName_IsInsideTheBatchFolder()
    {
        Assert.Equal("holiday/summary.json", ConversionNames.Summary("holiday"));
    }
}
