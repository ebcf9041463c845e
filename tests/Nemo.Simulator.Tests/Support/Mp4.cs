using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Nemo.Simulator.Tests;

/// <summary>MP4 checks: the <c>ftyp</c> box, and ffprobe when it is installed.</summary>
internal static class Mp4
{
    public static bool HasFtyp(byte[] bytes) => bytes.Length > 12 && bytes.AsSpan(4, 4).SequenceEqual("ftyp"u8);

    public static string? FfprobePath =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(p => Path.Combine(p, "ffprobe")).FirstOrDefault(File.Exists);

    public static async Task<(double Seconds, int Width, int Height, string Codec)> ProbeAsync(byte[] bytes)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(file, bytes);
            var start = new ProcessStartInfo(FfprobePath!) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height,codec_name:format=duration", "-of", "json", file })
            {
                start.ArgumentList.Add(a);
            }

            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            var json = JsonNode.Parse(output)!;
            var stream = json["streams"]![0]!;
            return (double.Parse((string)json["format"]!["duration"]!, CultureInfo.InvariantCulture), (int)stream["width"]!, (int)stream["height"]!, (string)stream["codec_name"]!);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
