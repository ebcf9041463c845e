using System.Text;

namespace Nemo.Simulator;

/// <summary>
/// Judges an upload by its first bytes and its extension. A recognised accepted format passes whatever the name;
/// a recognised foreign format (PDF, ZIP, executable…) is 4001; unrecognised bytes pass only with an accepted extension.
/// </summary>
internal static class MediaSniffer
{
    public const int HeadLength = 32;

    public static readonly IReadOnlyDictionary<string, MediaKind> AcceptedExtensions = new Dictionary<string, MediaKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["jpg"] = MediaKind.Image, ["jpeg"] = MediaKind.Image, ["png"] = MediaKind.Image, ["gif"] = MediaKind.Image,
        ["webp"] = MediaKind.Image, ["heic"] = MediaKind.Image, ["heif"] = MediaKind.Image,
        ["mp4"] = MediaKind.Video, ["mov"] = MediaKind.Video, ["avi"] = MediaKind.Video, ["webm"] = MediaKind.Video, ["mkv"] = MediaKind.Video,
        ["mp3"] = MediaKind.Audio, ["wav"] = MediaKind.Audio, ["m4a"] = MediaKind.Audio, ["aac"] = MediaKind.Audio,
    };

    public static string AcceptedList => string.Join(", ", AcceptedExtensions.Keys);

    /// <summary>The accepted format of the file, or null when it is unsupported.</summary>
    public static (MediaKind Kind, string Format)? Judge(ReadOnlySpan<byte> head, string fileName)
    {
        var extension = Path.GetExtension(fileName).TrimStart('.').ToLowerInvariant();
        var magic = FormatOf(head, extension);
        if (magic is "foreign")
        {
            return null;
        }

        if (magic is not null)
        {
            return (AcceptedExtensions[magic], magic);
        }

        return AcceptedExtensions.TryGetValue(extension, out var kind) ? (kind, extension == "jpeg" ? "jpg" : extension) : null;
    }

    private static string? FormatOf(ReadOnlySpan<byte> head, string extension)
    {
        if (head.StartsWith((byte[])[0xFF, 0xD8, 0xFF]))
        {
            return "jpg";
        }

        if (head.StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47]))
        {
            return "png";
        }

        if (head.StartsWith("GIF8"u8))
        {
            return "gif";
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8))
        {
            var form = head.Slice(8, 4);
            return form.SequenceEqual("WEBP"u8) ? "webp" : form.SequenceEqual("AVI "u8) ? "avi" : form.SequenceEqual("WAVE"u8) ? "wav" : "foreign";
        }

        if (head.Length >= 12 && head.Slice(4, 4).SequenceEqual("ftyp"u8))
        {
            var brand = Encoding.ASCII.GetString(head.Slice(8, 4));
            return brand switch
            {
                "heic" or "heix" or "mif1" or "msf1" or "heim" or "heis" => "heic",
                "qt  " => "mov",
                "M4A " or "M4B " => "m4a",
                "avif" or "avis" => "foreign",
                _ => extension is "mov" or "m4a" ? extension : "mp4",
            };
        }

        if (head.StartsWith((byte[])[0x1A, 0x45, 0xDF, 0xA3]))
        {
            return extension == "mkv" ? "mkv" : "webm";
        }

        if (head.StartsWith("ID3"u8))
        {
            return "mp3";
        }

        if (head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xF6) == 0xF0)
        {
            return "aac";
        }

        return IsForeign(head) ? "foreign" : null;
    }

    /// <summary>Width and height read from a PNG or GIF header; null for other formats.</summary>
    public static (int Width, int Height)? Dimensions(ReadOnlySpan<byte> head, string format) => format switch
    {
        "png" when head.Length >= 24 => (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(head[16..]), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(head[20..])),
        "gif" when head.Length >= 10 => (System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(head[6..]), System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(head[8..])),
        _ => null,
    };

    private static bool IsForeign(ReadOnlySpan<byte> head) =>
        head.StartsWith("%PDF"u8) || head.StartsWith("PK\u0003\u0004"u8) || head.StartsWith("MZ"u8)
        || head.StartsWith((byte[])[0x7F, 0x45, 0x4C, 0x46]) || head.StartsWith("<!DOCTYPE"u8) || head.StartsWith("<html"u8)
        || head.StartsWith("{"u8) || head.StartsWith("BM"u8) || head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8);
}
