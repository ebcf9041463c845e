using System.Text;

namespace Nemo.Conversions.Tests.Validation;

/// <summary>
/// Files for validation: the image formats Nemo takes are real, decodable images (validation decodes them); the other
/// kinds are just enough for content sniffing, real signatures padded.
/// </summary>
internal static class SampleFiles
{
    public static byte[] Png => TestImages.Png(4, 4);

    public static byte[] Jpeg => TestImages.Jpeg(4, 4);

    public static byte[] Gif => TestImages.Gif();

    public static byte[] Gif87 => TestImages.Gif(gif87: true);

    public static byte[] Webp => TestImages.Webp(4, 4);

    public static byte[] Heic(string brand = "heic") => TestImages.Heic(brand);

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
