namespace Nemo.Client;

/// <summary>What a draft track holds, from its <c>tt</c> code.</summary>
public enum DraftTrackKind
{
    /// <summary><c>tt</c> 0: video and image clips.</summary>
    Video,

    /// <summary><c>tt</c> 1: background music and other audio.</summary>
    Audio,

    /// <summary><c>tt</c> 7: titles and other text.</summary>
    Text,

    /// <summary>Any other or missing <c>tt</c>.</summary>
    Other,
}
