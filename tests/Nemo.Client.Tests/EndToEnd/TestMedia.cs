using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Nemo.Client.Tests.EndToEnd;

/// <summary>Real, decodable inputs generated in the test, and checks on the MP4 that comes back.</summary>
internal static class TestMedia
{
    /// <summary>A small PDF: what a user uploads by mistake, here under an image name.</summary>
    public static byte[] Pdf() =>
        Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>Whether the bytes start with an ISO-BMFF <c>ftyp</c> box, as every MP4 does.</summary>
    public static bool HasFtypBox(ReadOnlySpan<byte> head) => head.Length >= 12 && head.Slice(4, 4).SequenceEqual("ftyp"u8);

    public static string? FfprobePath =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, OperatingSystem.IsWindows() ? "ffprobe.exe" : "ffprobe"))
            .FirstOrDefault(File.Exists);

    /// <summary>The first video stream's codec and size, as ffprobe reports them.</summary>
    public static async Task<(string Codec, int Width, int Height)> ProbeAsync(string ffprobe, string path, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(ffprobe) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=codec_name,width,height", "-of", "json", path])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        Assert.True(process.ExitCode == 0, $"ffprobe failed: {await errors}");
        using var json = JsonDocument.Parse(await output);
        var stream = json.RootElement.GetProperty("streams")[0];
        return (
            stream.GetProperty("codec_name").GetString()!,
            stream.GetProperty("width").GetInt32(),
            stream.GetProperty("height").GetInt32());
    }
}
