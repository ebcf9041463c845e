using System.Buffers.Binary;
using System.Globalization;
using SkiaSharp;

namespace Nemo.Conversions;

/// <summary>
/// Proves an image is whole and decodable before anything is spent on it: JPEG, PNG, GIF and WebP are decoded with
/// Skia (SkiaSharp); HEIC, which Skia cannot decode on Linux, has its ISO-BMFF box structure checked end to end, so a
/// file cut short is caught though its pictures are not decoded. Memory stays small: JPEG and WebP decode at a scale
/// of at most <see cref="PreviewSide"/> pixels a side (the whole bitstream is still read); PNG and GIF decode at full
/// size up to <see cref="MaxFullDecodePixels"/>, and past that only their end marker is checked.
/// </summary>
internal static class ImageIntegrity
{
    /// <summary>The longest side of a scaled JPEG or WebP decode.</summary>
    public const int PreviewSide = 512;

    /// <summary>The most pixels a PNG or GIF is decoded at full size (4 bytes each: 160 MB).</summary>
    public const long MaxFullDecodePixels = 40_000_000;

    private static readonly string[] HeicImageBoxes = ["meta", "mdat"];

    /// <summary>
    /// Checks the image in <paramref name="content"/> (seekable, at its start), whose sniffed format is
    /// <paramref name="format"/>. Null when it is whole and decodable; otherwise the problem, worded for
    /// <paramref name="file"/>.
    /// </summary>
    public static ValidationProblem? Check(Stream content, string file, string format, long length)
    {
        ArgumentNullException.ThrowIfNull(content);
        var name = ImageSniffer.DisplayName(format);
        if (format == "heic")
        {
            return CheckBoxes(content, file, length);
        }

        using var codec = SKCodec.Create(content, out var opened);
        if (codec is null)
        {
            return Problem(opened, file, name, cutShort: opened == SKCodecResult.IncompleteInput);
        }

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        SKCodecResult decoded;
        if (format is "jpg" or "webp")
        {
            decoded = Decode(codec, codec.GetScaledDimensions(Math.Min(1f, (float)PreviewSide / Math.Max(width, height))));
        }
        else if ((long)width * height <= MaxFullDecodePixels)
        {
            decoded = Decode(codec, new SKSizeI(width, height));
        }
        else
        {
            return EndsWithMarker(content, format, length) ? null : Problem(SKCodecResult.IncompleteInput, file, name, cutShort: true);
        }

        if (decoded == SKCodecResult.Success)
        {
            return null;
        }

        // libwebp reports a RIFF container shorter than it says as invalid input: that is a file cut short.
        var cutShort = decoded == SKCodecResult.IncompleteInput || (format == "webp" && RiffLength(content) is { } riff && riff > length);
        return Problem(decoded, file, name, cutShort);
    }

    private static SKCodecResult Decode(SKCodec codec, SKSizeI size)
    {
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var bitmap = new SKBitmap(info);
        return codec.GetPixels(info, bitmap.GetPixels());
    }

    private static ValidationProblem Problem(SKCodecResult result, string file, string name, bool cutShort) =>
        cutShort
            ? new(file, "truncated", $"{file} is cut short: the {name} ends before its image data is complete (was it still being copied or downloaded?).")
            : new(file, "damaged", string.Create(
                CultureInfo.InvariantCulture,
                $"{file} is damaged: its {name} data cannot be decoded ({Describe(result)})."));

    private static string Describe(SKCodecResult result) => result switch
    {
        SKCodecResult.ErrorInInput => "the image data has errors",
        SKCodecResult.InvalidInput => "the file's structure is invalid",
        SKCodecResult.Unimplemented or SKCodecResult.InvalidConversion => "a variant of the format this decoder does not support",
        _ => result.ToString(),
    };

    /// <summary>The size a RIFF (WebP) header declares for the whole file, or null when it cannot be read.</summary>
    private static long? RiffLength(Stream content)
    {
        Span<byte> header = stackalloc byte[8];
        content.Position = 0;
        return content.ReadAtLeast(header, 8, throwOnEndOfStream: false) == 8
            ? BinaryPrimitives.ReadUInt32LittleEndian(header[4..]) + 8L
            : null;
    }

    /// <summary>Whether a PNG ends with its IEND chunk or a GIF with its trailer (for images too large to decode here).</summary>
    private static bool EndsWithMarker(Stream content, string format, long length)
    {
        ReadOnlySpan<byte> marker = format == "png" ? [0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82] : [0x3B];
        if (length < marker.Length)
        {
            return false;
        }

        Span<byte> tail = stackalloc byte[marker.Length];
        content.Position = length - marker.Length;
        return content.ReadAtLeast(tail, tail.Length, throwOnEndOfStream: false) == tail.Length && tail.SequenceEqual(marker);
    }

    /// <summary>
    /// A HEIC's top-level boxes must tile the file exactly (each size within what is left), starting with <c>ftyp</c>
    /// and holding <c>meta</c> (the image's description) and <c>mdat</c> (its coded data).
    /// </summary>
    private static ValidationProblem? CheckBoxes(Stream content, string file, long length)
    {
        Span<byte> header = stackalloc byte[16];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        long offset = 0;
        while (offset < length)
        {
            content.Position = offset;
            if (length - offset < 8 || content.ReadAtLeast(header[..8], 8, throwOnEndOfStream: false) < 8)
            {
                return CutShort(file, "a box header");
            }

            var type = System.Text.Encoding.ASCII.GetString(header.Slice(4, 4));
            long size = BinaryPrimitives.ReadUInt32BigEndian(header);
            if (size == 1)
            {
                if (content.ReadAtLeast(header.Slice(8, 8), 8, throwOnEndOfStream: false) < 8)
                {
                    return CutShort(file, $"its '{type}' box");
                }

                size = (long)BinaryPrimitives.ReadUInt64BigEndian(header.Slice(8, 8));
            }
            else if (size == 0)
            {
                size = length - offset;
            }

            if (size < 8)
            {
                return new(file, "damaged", $"{file} is damaged: its HEIC box '{type}' has an impossible size ({size} bytes).");
            }

            if (size > length - offset)
            {
                return CutShort(file, $"its '{type}' box");
            }

            if (offset == 0 && type != "ftyp")
            {
                return new(file, "damaged", $"{file} is damaged: a HEIC starts with an 'ftyp' box, this one with '{type}'.");
            }

            seen.Add(type);
            offset += size;
        }

        var missing = HeicImageBoxes.Where(box => !seen.Contains(box)).ToList();
        return missing.Count == 0
            ? null
            : CutShort(file, $"the '{string.Join("' and '", missing)}' box{(missing.Count > 1 ? "es" : string.Empty)} that hold its image");
    }

    private static ValidationProblem CutShort(string file, string what) =>
        new(file, "truncated", $"{file} is cut short: the HEIC ends before {what} (was it still being copied or downloaded?).");
}
