namespace Nemo.Conversions;

/// <summary>Shortens text that goes into messages, results and problem details, so none of them grows with its input.</summary>
internal static class TextClip
{
    /// <summary><paramref name="text"/> when it has at most <paramref name="length"/> characters, else its start and "…".</summary>
    public static string Clip(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length), "…");
}
