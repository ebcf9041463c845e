using System.Text;

namespace Nemo.Conversions;

/// <summary>
/// Identifies a file by its first bytes, never by its name: the image formats Nemo takes, and the usual things that
/// end up behind an image's name (PDFs, archives, videos, text) so messages can say what the file really is.
/// </summary>
internal static class ImageSniffer
{
    /// <summary>How many leading bytes <see cref="Sniff"/> looks at.</summary>
    public const int HeaderLength = 64;

    /// <summary>The image formats we recognise, in the order messages list them.</summary>
    public static IReadOnlyList<string> ImageFormats { get; } = ["jpg", "png", "gif", "webp", "heic"];

    private static readonly HashSet<string> HeicBrands = new(StringComparer.Ordinal)
    {
        "heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1",
    };

    /// <summary>What <paramref name="header"/> (the file's first bytes, up to <see cref="HeaderLength"/>) is.</summary>
    public static SniffResult Sniff(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return SniffResult.Image("jpg");
        }

        if (header.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return SniffResult.Image("png");
        }

        if (header.StartsWith("GIF87a"u8) || header.StartsWith("GIF89a"u8))
        {
            return SniffResult.Image("gif");
        }

        if (header.Length >= 12 && header.StartsWith("RIFF"u8))
        {
            var form = header.Slice(8, 4);
            return form.SequenceEqual("WEBP"u8) ? SniffResult.Image("webp")
                : form.SequenceEqual("WAVE"u8) ? SniffResult.Other("a WAV audio file")
                : form.SequenceEqual("AVI "u8) ? SniffResult.Other("an AVI video")
                : SniffResult.Other("a RIFF file that is not WebP");
        }

        if (header.Length >= 12 && header.Slice(4, 4).SequenceEqual("ftyp"u8))
        {
            return SniffIsoMedia(header);
        }

        return SniffOther(header);
    }

    /// <summary>A format's name for people: <c>JPEG</c>, <c>PNG</c>, <c>GIF</c>, <c>WebP</c>, <c>HEIC</c>.</summary>
    public static string DisplayName(string format) => format switch
    {
        "jpg" or "jpeg" => "JPEG",
        "png" => "PNG",
        "gif" => "GIF",
        "webp" => "WebP",
        "heic" => "HEIC",
        _ => format.ToUpperInvariant(),
    };

    private static SniffResult SniffIsoMedia(ReadOnlySpan<byte> header)
    {
        var major = Encoding.ASCII.GetString(header.Slice(8, 4));
        if (HeicBrands.Contains(major))
        {
            return SniffResult.Image("heic");
        }

        return major switch
        {
            "avif" or "avis" => SniffResult.OtherImage("an AVIF image"),
            "qt  " => SniffResult.Other("a QuickTime (MOV) video"),
            "M4A " or "M4B " => SniffResult.Other("an M4A audio file"),
            "3gp4" or "3gp5" or "3gp6" or "3g2a" => SniffResult.Other("a 3GP video"),
            "crx " => SniffResult.OtherImage("a Canon raw photo (CR3)"),
            _ => SniffResult.Other("an MP4 video"),
        };
    }

    private static SniffResult SniffOther(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith("%PDF-"u8))
        {
            return SniffResult.Other("a PDF document");
        }

        if (header.StartsWith("PK\u0003\u0004"u8) || header.StartsWith("PK\u0005\u0006"u8))
        {
            return SniffResult.Other("a ZIP archive (or an Office document)");
        }

        if (header.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]))
        {
            return SniffResult.Other("a gzip archive");
        }

        if (header.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]))
        {
            return SniffResult.Other("a WebM/Matroska video");
        }

        if (header.StartsWith("ID3"u8))
        {
            return SniffResult.Other("an MP3 audio file");
        }

        if (header.StartsWith("II*\0"u8) || header.StartsWith("MM\0*"u8))
        {
            return SniffResult.OtherImage("a TIFF image");
        }

        if (header.StartsWith("BM"u8) && header.Length >= 14 && header[6] == 0 && header[7] == 0)
        {
            return SniffResult.OtherImage("a BMP image");
        }

        return LooksLikeText(header) ? TextKind(header) : SniffResult.Other("data in a format we do not recognise");
    }

    private static bool LooksLikeText(ReadOnlySpan<byte> header)
    {
        var bytes = header.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? header[3..] : header;
        if (bytes.IsEmpty)
        {
            return false;
        }

        foreach (var b in bytes)
        {
            // Control characters other than tab, CR, LF (and form feed) mean binary; bytes >= 0x80 may be UTF-8.
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D or 0x0C))
            {
                return false;
            }
        }

        // A header cut in the middle of a multi-byte character is still text.
        return Utf8Prefix(bytes);
    }

    private static bool Utf8Prefix(ReadOnlySpan<byte> bytes)
    {
        for (var trim = 0; trim < 4 && trim < bytes.Length; trim++)
        {
            if (System.Text.Unicode.Utf8.IsValid(bytes[..^trim]))
            {
                return true;
            }
        }

        return false;
    }

    private static SniffResult TextKind(ReadOnlySpan<byte> header)
    {
        var text = Encoding.UTF8.GetString(header).TrimStart('\uFEFF').TrimStart().ToLowerInvariant();
        return text.StartsWith("<svg", StringComparison.Ordinal) || (text.StartsWith("<?xml", StringComparison.Ordinal) && text.Contains("<svg", StringComparison.Ordinal))
            ? SniffResult.OtherImage("an SVG drawing")
            : text.StartsWith("<!doctype html", StringComparison.Ordinal) || text.StartsWith("<html", StringComparison.Ordinal)
                ? SniffResult.Other("an HTML page")
                : SniffResult.Other(text.StartsWith("<?xml", StringComparison.Ordinal) ? "an XML document" : "text");
    }
}
