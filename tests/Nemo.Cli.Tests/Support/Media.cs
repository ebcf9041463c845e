using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;

namespace Nemo.Cli.Tests.Support;

internal static class Media
{
    public static string? FfprobePath =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, OperatingSystem.IsWindows() ? "ffprobe.exe" : "ffprobe"))
            .FirstOrDefault(File.Exists);

    /// <summary>Asserts the file is an MP4 (ftyp box) and, where ffprobe exists, that it has a decodable video stream.</summary>
    public static async Task AssertPlayableMp4Async(string path)
    {
        var head = new byte[12];
        await using (var file = File.OpenRead(path))
        {
            await file.ReadExactlyAsync(head);
        }

        Assert.True(head.AsSpan(4, 4).SequenceEqual("ftyp"u8), "not an MP4 (no ftyp box)");
        if (FfprobePath is not { } ffprobe)
        {
            return;
        }

        var start = new ProcessStartInfo(ffprobe) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=codec_name,width,height", "-of", "json", path])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"ffprobe failed: {await errors}");
        using var json = JsonDocument.Parse(await output);
        Assert.True(json.RootElement.GetProperty("streams")[0].GetProperty("width").GetInt32() > 0);
    }

    public static string Hash(string path)
    {
        using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(file));
    }
}
