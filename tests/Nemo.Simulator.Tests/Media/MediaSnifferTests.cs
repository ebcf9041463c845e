using System.Text;

namespace Nemo.Simulator.Tests;

public sealed class MediaSnifferTests
{
    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, "x.bin", "jpg")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, "x", "png")]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38 }, "x.gif", "gif")]
    [InlineData(new byte[] { 0x1A, 0x45, 0xDF, 0xA3 }, "clip.mkv", "mkv")]
    [InlineData(new byte[] { 0x49, 0x44, 0x33, 0x04 }, "song", "mp3")]
    [InlineData(new byte[] { 0x00, 0x01, 0x02, 0x03 }, "unknown.heic", "heic")]
    public void Accepts_known_formats(byte[] head, string name, string format) =>
        Assert.Equal(format, MediaSniffer.Judge(head, name)?.Format);

    [Theory]
    [InlineData("RIFF\0\0\0\0WEBPVP8 ", "webp", "a.webp")]
    [InlineData("\0\0\0\u0018ftypheic", "heic", "a.heic")]
    [InlineData("\0\0\0\u0018ftypisom", "mp4", "a.mp4")]
    [InlineData("\0\0\0\u0014ftypqt  ", "mov", "a.mov")]
    public void Reads_container_brands(string head, string format, string name) =>
        Assert.Equal(format, MediaSniffer.Judge(Encoding.Latin1.GetBytes(head), name)?.Format);

    [Theory]
    [InlineData("%PDF-1.4", "scan.jpg")]
    [InlineData("PK\u0003\u0004zip", "photos.png")]
    [InlineData("hello", "notes.txt")]
    [InlineData("\0\0\0\u0018ftypavif", "a.jpg")]
    public void Refuses_foreign_or_unknown_files(string head, string name) =>
        Assert.Null(MediaSniffer.Judge(Encoding.Latin1.GetBytes(head), name));
}
