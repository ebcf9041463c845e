namespace Nemo.Conversions.Tests.Requests;

public sealed class PromptComposerTests
{
    [Fact]
    public void Compose_NullOptions_ReturnsPromptUnchanged()
    {
        Assert.Equal("animate my photo\n\n" + PromptComposer.Unattended, PromptComposer.Compose("animate my photo", null));
    }

    [Fact]
    public void Compose_EmptyOptions_AddsNothing()
    {
        Assert.Equal("animate my photo\n\n" + PromptComposer.Unattended, PromptComposer.Compose("  animate my photo ", new ConversionOptions()));
    }

    [Fact]
    public void Compose_AllOptions_AppendsPlainInstructionsAfterThePrompt()
    {
        var options = new ConversionOptions(AspectRatio.Portrait, 15, BackgroundMusic: true);

        Assert.Equal(
            "animate my photo\n\nMake it 9:16 (vertical, 1080×1920).\nTarget duration: about 15 seconds.\nAdd background music.\n\n" + PromptComposer.Unattended,
            PromptComposer.Compose("animate my photo", options));
    }

    [Theory]
    [InlineData(AspectRatio.Landscape, "Make it 16:9 (horizontal, 1920×1080).")]
    [InlineData(AspectRatio.Portrait, "Make it 9:16 (vertical, 1080×1920).")]
    [InlineData(AspectRatio.Square, "Make it 1:1 (square, 1080×1080).")]
    public void Compose_AspectRatio_SaysFramingAndSize(AspectRatio aspect, string expected)
    {
        Assert.Equal("p\n\n" + expected + "\n\n" + PromptComposer.Unattended, PromptComposer.Compose("p", new ConversionOptions(aspect)));
    }

    [Theory]
    [InlineData(true, "Add background music.")]
    [InlineData(false, "No background music.")]
    public void Compose_BackgroundMusic_SaysOnOrOff(bool music, string expected)
    {
        Assert.Equal("p\n\n" + expected + "\n\n" + PromptComposer.Unattended, PromptComposer.Compose("p", new ConversionOptions(BackgroundMusic: music)));
    }

    [Fact]
    public void Compose_OneSecond_IsSingular()
    {
        Assert.Equal("p\n\nTarget duration: about 1 second.\n\n" + PromptComposer.Unattended, PromptComposer.Compose("p", new ConversionOptions(DurationSeconds: 1)));
    }

    [Fact]
    public void Compose_LanguageOnly_AddsNothingBecauseItIsTheSessionLanguage()
    {
        Assert.Equal("p\n\n" + PromptComposer.Unattended, PromptComposer.Compose("p", new ConversionOptions(Language: "de")));
    }

    [Fact]
    public void Compose_SameInput_IsDeterministic()
    {
        var options = new ConversionOptions(AspectRatio.Square, 30, false);

        Assert.Equal(PromptComposer.Compose("p", options), PromptComposer.Compose("p", options with { }));
    }
}
