using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Nemo.Testing;

/// <summary>
/// ffmpeg and ffprobe for tests of real media: probing an MP4, measuring how much its picture changes, making a real
/// animated GIF. A machine without them fails at once with the line that installs them.
/// </summary>
internal static class Ffmpeg
{
    private const string Install = "ffmpeg/ffprobe not found on PATH: apt-get install ffmpeg";

    public static async Task<VideoFacts> ProbeAsync(string path)
    {
        var output = await RunAsync(Tool("ffprobe"), ["-v", "error", "-show_entries", "stream=codec_type,codec_name,width,height:format=duration", "-of", "json", path]);
        using var json = JsonDocument.Parse(output);
        var streams = json.RootElement.GetProperty("streams").EnumerateArray().ToList();
        var video = streams.First(s => s.GetProperty("codec_type").GetString() == "video");
        var audio = streams.FirstOrDefault(s => s.GetProperty("codec_type").GetString() == "audio");
        return new VideoFacts(
            double.Parse(json.RootElement.GetProperty("format").GetProperty("duration").GetString()!, CultureInfo.InvariantCulture),
            video.GetProperty("width").GetInt32(),
            video.GetProperty("height").GetInt32(),
            video.GetProperty("codec_name").GetString()!,
            audio.ValueKind == JsonValueKind.Undefined ? null : audio.GetProperty("codec_name").GetString());
    }

    /// <summary>
    /// How much the picture changes from one sample to the next (frames taken <paramref name="perSecond"/> times a second
    /// over <paramref name="seconds"/>, shrunk to 32×18 grey): the mean absolute difference of each pair, 0–255.
    /// </summary>
    public static async Task<IReadOnlyList<double>> ChangesAsync(string path, int perSecond, double seconds)
    {
        const int size = 32 * 18;
        var raw = await RunBytesAsync(Tool("ffmpeg"), ["-v", "error", "-t", seconds.ToString(CultureInfo.InvariantCulture), "-i", path,
            "-vf", $"fps={perSecond},scale=32:18,format=gray", "-f", "rawvideo", "-"]);
        var frames = raw.Length / size;
        return [.. Enumerable.Range(1, frames - 1).Select(i =>
            Enumerable.Range(0, size).Average(p => Math.Abs(raw[(i * size) + p] - raw[((i - 1) * size) + p])))];
    }

    /// <summary>Writes a real animated GIF: ffmpeg's moving test pattern, 6 frames at 5 fps, looping forever.</summary>
    public static async Task AnimatedGifAsync(string path) =>
        await RunAsync(Tool("ffmpeg"), ["-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=s=160x120:r=5:d=1.2", "-loop", "0", path]);

    private static string Tool(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, OperatingSystem.IsWindows() ? name + ".exe" : name))
            .FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException(Install);

    private static async Task<string> RunAsync(string tool, string[] arguments) =>
        System.Text.Encoding.UTF8.GetString(await RunBytesAsync(tool, arguments));

    private static async Task<byte[]> RunBytesAsync(string tool, string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var output = new MemoryStream();
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.BaseStream.CopyToAsync(output);
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{Path.GetFileName(tool)} failed: {await errors}");
        return output.ToArray();
    }
}
