namespace Nemo.Simulator;

/// <summary>The kind of an uploaded file, as reported in <c>file_type</c>.</summary>
internal enum MediaKind
{
    Image,
    Video,
    Audio,
}
