namespace Nemo.Client;

/// <summary>One segment of a <see cref="DraftTrack"/> (an element of <c>sg</c>).</summary>
/// <param name="Name">The clip or music name (<c>n</c>, also <c>name</c> or <c>title</c>).</param>
/// <param name="Text">The text of a title segment (<c>tx</c>, also <c>text</c>).</param>
/// <param name="Start">Where the segment starts on the timeline (<c>st</c>, also <c>start</c> or <c>s</c>, in ms); zero when absent.</param>
/// <param name="Duration">How long it lasts (<c>d</c>, also <c>dur</c> or <c>duration</c>, in ms); zero when absent.</param>
/// <param name="VolumePercent">
/// The volume in percent (<c>vol</c>, also <c>volume</c> or <c>v</c>; a value of at most 1 is a fraction),
/// or <see langword="null"/> when absent.
/// </param>
public sealed record DraftSegment(string? Name, string? Text, TimeSpan Start, TimeSpan Duration, int? VolumePercent)
{
    /// <summary>Where the segment ends: <see cref="Start"/> plus <see cref="Duration"/>.</summary>
    public TimeSpan End => Start + Duration;
}
