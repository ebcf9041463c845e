namespace Nemo.Client.Tests.Drafts;

public sealed class DraftTrackTests
{
    [Theory]
    [InlineData(0, DraftTrackKind.Video)]
    [InlineData(1, DraftTrackKind.Audio)]
    [InlineData(7, DraftTrackKind.Text)]
    [InlineData(2, DraftTrackKind.Other)]
    [InlineData(-1, DraftTrackKind.Other)]
    public void KindOf_maps_the_documented_track_types(int type, DraftTrackKind kind)
    {
        Assert.Equal(kind, DraftTrack.KindOf(type));
    }
}
