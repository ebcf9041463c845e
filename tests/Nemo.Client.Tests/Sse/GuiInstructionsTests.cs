namespace Nemo.Client.Tests.Sse;

public sealed class GuiInstructionsTests
{
    [Theory]
    [InlineData("Click Export to get your MP4.", AgentSuggestion.Render)]
    [InlineData("You can now export the video.", AgentSuggestion.Render)]
    [InlineData("Tap the download button.", AgentSuggestion.Render)]
    [InlineData("点击导出按钮。", AgentSuggestion.Render)]
    [InlineData("Open the music panel to change the track.", AgentSuggestion.ReadState)]
    [InlineData("Preview it in the timeline.", AgentSuggestion.ReadState)]
    [InlineData("Check the timeline for the new clip.", AgentSuggestion.ReadState)]
    [InlineData("打开素材库。", AgentSuggestion.ReadState)]
    [InlineData("Drag the clip to the start.", AgentSuggestion.SendEdit)]
    [InlineData("Simply drag/drop the title where you want it.", AgentSuggestion.SendEdit)]
    [InlineData("拖拽片段到时间线。", AgentSuggestion.SendEdit)]
    public void A_GUI_instruction_is_removed_and_mapped(string sentence, AgentSuggestion expected)
    {
        var (text, suggestions) = GuiInstructions.Translate($"The edit is done. {sentence}");

        Assert.Equal("The edit is done.", text);
        Assert.Equal([expected], suggestions);
    }

    [Fact]
    public void Other_clicks_are_removed_without_a_suggestion()
    {
        var (text, suggestions) = GuiInstructions.Translate("Done!\nClick the sparkle icon for more.");

        Assert.Equal("Done!", text);
        Assert.Empty(suggestions);
    }

    [Fact]
    public void Plain_text_is_kept_as_it_is()
    {
        const string Text = "I added a slow zoom-in and a leftward pan.\n\nThe music fades out at 10 seconds. The opening shot drops in softly!";

        var (text, suggestions) = GuiInstructions.Translate(Text);

        Assert.Equal(Text, text);
        Assert.Empty(suggestions);
    }

    [Fact]
    public void Suggestions_are_listed_once_in_order_of_first_mention()
    {
        var (text, suggestions) = GuiInstructions.Translate(
            "Drag the logo up. Then export. Preview in timeline first. Export again 。Click export.");

        Assert.Equal(string.Empty, text);
        Assert.Equal([AgentSuggestion.SendEdit, AgentSuggestion.Render, AgentSuggestion.ReadState], suggestions);
    }

    [Fact]
    public void Chinese_sentences_without_spaces_are_split()
    {
        var (text, suggestions) = GuiInstructions.Translate("已添加字幕。点击导出即可下载。");

        Assert.Equal("已添加字幕。", text);
        Assert.Equal([AgentSuggestion.Render], suggestions);
    }
}
