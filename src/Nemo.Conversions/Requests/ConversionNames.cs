using System.Buffers;
using System.Globalization;
using System.Text;

namespace Nemo.Conversions;

/// <summary>
/// Output names: derived from an image's file name, checked before they become file or blob names, and the file names
/// of a conversion's outputs (<c>beach.mp4</c>, <c>beach.v2.mp4</c>, <c>beach.result.json</c>).
/// Names may contain <c>/</c> (batch items are <c>&lt;job&gt;/&lt;item&gt;</c>); every segment is checked.
/// </summary>
public static class ConversionNames
{
    /// <summary>The name used when nothing usable is left of a file name.</summary>
    public const string Fallback = "conversion";

    private const int MaxSegmentLength = 100;
    private static readonly SearchValues<char> Reserved = SearchValues.Create("<>:\"|?*");

    /// <summary>
    /// An output name from an image's file name: the extension stripped, anything unsafe (path separators, <c>..</c>,
    /// control and reserved characters) replaced by <c>_</c>; <see cref="Fallback"/> when nothing is left.
    /// Spaces and non-ASCII letters are kept: <c>My photo ü.jpg</c> → <c>My photo ü</c>.
    /// </summary>
    public static string FromFileName(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var stem = fileName.Trim();
        var dot = stem.LastIndexOf('.');
        if (dot > 0)
        {
            stem = stem[..dot];
        }

        var builder = new StringBuilder(stem.Length);
        foreach (var c in stem)
        {
            builder.Append(IsUnsafe(c) || c is '/' or '\\' ? '_' : c);
        }

        var safe = builder.ToString();
        while (safe.Contains("..", StringComparison.Ordinal))
        {
            safe = safe.Replace("..", "_", StringComparison.Ordinal);
        }

        safe = safe.Trim().Trim('.').Trim();
        if (safe.Length > MaxSegmentLength)
        {
            safe = safe[..MaxSegmentLength].TrimEnd();
        }

        return safe.Length == 0 || safe.All(c => c == '_') ? Fallback : safe;
    }

    /// <summary>Whether <paramref name="name"/> can be used as an output name; when not, <paramref name="reason"/> says why.</summary>
    public static bool IsValid(string name, out string? reason)
    {
        reason = Check(name);
        return reason is null;
    }

    /// <summary>The MP4's name: <c>beach.mp4</c> for version 1, <c>beach.v2.mp4</c> after.</summary>
    public static string Output(string name, int version) => Versioned(name, version) + ".mp4";

    /// <summary>The result file's name: <c>beach.result.json</c> for version 1, <c>beach.v2.result.json</c> after.</summary>
    public static string Result(string name, int version) => Versioned(name, version) + ".result.json";

    /// <summary>A batch's summary: <c>&lt;batch&gt;/summary.json</c>.</summary>
    public static string Summary(string batchName)
    {
        ArgumentException.ThrowIfNullOrEmpty(batchName);
        return batchName + "/summary.json";
    }

    private static string Versioned(string name, int version)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        return version == 1 ? name : string.Create(CultureInfo.InvariantCulture, $"{name}.v{version}");
    }

    private static string? Check(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "The name is empty.";
        }

        if (name.Length > ConversionLimits.MaxNameLength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"The name is {name.Length} characters long; the limit is {ConversionLimits.MaxNameLength}.");
        }

        if (name.StartsWith('/') || name.EndsWith('/'))
        {
            return $"The name '{name}' starts or ends with '/'.";
        }

        foreach (var segment in name.Split('/'))
        {
            if (segment.Trim().Length == 0)
            {
                return $"The name '{name}' has an empty part between '/'.";
            }

            if (segment == "." || segment.Contains("..", StringComparison.Ordinal))
            {
                return $"The name '{name}' contains '..' or '.' as a part; names cannot point outside the output folder.";
            }

            if (segment.Contains('\\', StringComparison.Ordinal))
            {
                return $"The name '{name}' contains '\\'; use '/' between parts.";
            }

            if (segment.Any(char.IsControl))
            {
                return "The name contains control characters.";
            }

            if (segment.AsSpan().ContainsAny(Reserved))
            {
                return $"The name '{name}' contains one of < > : \" | ? *, which cannot be used in file names.";
            }

            if (segment != segment.Trim() || segment.EndsWith('.'))
            {
                return $"The name '{name}' has a part that starts or ends with a space or ends with '.'.";
            }
        }

        return null;
    }

    private static bool IsUnsafe(char c) => char.IsControl(c) || Reserved.Contains(c);
}
