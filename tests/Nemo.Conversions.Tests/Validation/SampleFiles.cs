using System.Text;

namespace Nemo.Conversions.Tests.Validation;

/// <summary>Just enough of each format for content sniffing: real signatures, padded.</summary>
internal static class SampleFiles
{
    public static byte[] Png => TestImages.Png(4, 4);

    public static byte[] Jpeg => Pad([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF\0"u8]);

    public static byte[] Gif => Pad("GIF89a"u8.ToArray());

    public static byte[] Gif87 => Pad("GIF87a"u8.ToArray());

    public static byte[] Webp => Pad([.. "RIFF"u8, 0x24, 0, 0, 0, .. "WEBPVP8 "u8]);

    public static byte[] Heic(string brand = "heic") => Pad([0, 0, 0, 0x18, .. "ftyp"u8, .. Encoding.ASCII.GetBytes(brand), 0, 0, 0, 0, .. "mif1"u8]);

    public static byte[] Mp4 => Pad([0, 0, 0, 0x20, .. "ftypisom"u8, 0, 0, 2, 0, .. "isomiso2avc1mp41"u8]);

    public static byte[] Mov => Pad([0, 0, 0, 0x14, .. "ftypqt  "u8, 0, 0, 0, 0, .. "qt  "u8]);

    public static byte[] Avif => Pad([0, 0, 0, 0x1C, .. "ftypavif"u8, 0, 0, 0, 0, .. "avifmif1"u8]);

    public static byte[] Pdf => Pad("%PDF-1.7\n%âãÏÓ\n"u8.ToArray());

    public static byte[] Zip => Pad([.. "PK"u8, 3, 4, 20, 0, 0, 0]);

    public static byte[] Text => Encoding.UTF8.GetBytes("Hello, this is a note about my holiday photos. Grüße!\n");

    public static byte[] Html => Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body>not a picture</body></html>");

    public static byte[] Svg => Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"></svg>");

    public static byte[] Binary => Pad([0x00, 0x01, 0x02, 0x03, 0xFE, 0x00, 0x7F]);

    private static byte[] Pad(byte[] head)
    {
        var bytes = new byte[256];
        head.CopyTo(bytes, 0);
        for (var i = head.Length; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(i * 7);
        }

        return bytes;
    }
}
