namespace Nemo.Client.Tests.Drafts;

public sealed class DraftSegmentTests
{
    [Fact]
    public void End_is_start_plus_duration()
    {
        var segment = new DraftSegment("clip", null, TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(1500), null);

        Assert.Equal(TimeSpan.FromMilliseconds(3500), segment.End);
    }
}
