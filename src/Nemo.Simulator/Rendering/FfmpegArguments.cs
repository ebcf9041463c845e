using System.Globalization;

namespace Nemo.Simulator;

/// <summary>ffmpeg argument lists: a slide show of the images (scale, crop, optional zoompan), or a plain colour clip.</summary>
internal static class FfmpegArguments
{
    public const int Fps = 25;
    private const string Color = "0x1e3a5f";

    public static double SecondsFor(int images) => Math.Clamp(images * 1.5, 2, 4);

    public static List<string> Slideshow(RenderJob job, string output)
    {
        var per = SecondsFor(job.Images.Count) / job.Images.Count;
        var frames = (int)Math.Round(per * Fps);
        var size = Size(job);
        var arguments = Common();
        foreach (var image in job.Images)
        {
            arguments.AddRange(["-loop", "1", "-framerate", Num(Fps), "-t", Num(per), "-i", image]);
        }

        var filters = new List<string>();
        var labels = string.Empty;
        for (var i = 0; i < job.Images.Count; i++)
        {
            var chain = $"[{i}:v]scale={job.Width}:{job.Height}:force_original_aspect_ratio=increase,crop={job.Width}:{job.Height},setsar=1";
            if (Motion(job, frames) is { } motion)
            {
                chain += "," + motion;
            }

            filters.Add(chain + $",format=yuv420p[v{i}]");
            labels += $"[v{i}]";
        }

        filters.Add($"{labels}concat=n={job.Images.Count}:v=1:a=0[out]");
        arguments.AddRange(["-filter_complex", string.Join(';', filters), "-map", "[out]"]);
        return Encode(arguments, frames * job.Images.Count, output, size);
    }

    public static List<string> ColorClip(RenderJob job, string output)
    {
        var arguments = Common();
        arguments.AddRange(["-f", "lavfi", "-i", $"color=c={Color}:s={job.Width}x{job.Height}:r={Fps}:d=2"]);
        return Encode(arguments, 2 * Fps, output, Size(job));
    }

    private static List<string> Common() => ["-nostdin", "-hide_banner", "-loglevel", "error", "-y"];

    private static List<string> Encode(List<string> arguments, int frames, string output, string size)
    {
        arguments.AddRange(["-frames:v", Num(frames), "-s", size, "-r", Num(Fps), "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
            "-movflags", "+faststart", "-an", "-f", "mp4", output]);
        return arguments;
    }

    private static string? Motion(RenderJob job, int frames)
    {
        if (job.Zoom is null && job.Pan is null)
        {
            return null;
        }

        var f = Num(frames);
        var zoom = job.Zoom switch
        {
            "out" => $"max(1.15-0.15*on/{f}\\,1)",
            "in" => $"min(1+0.15*on/{f}\\,1.15)",
            _ => "1.15",
        };
        var x = job.Pan switch
        {
            "left" => $"(iw-iw/zoom)*(1-on/{f})",
            "right" => $"(iw-iw/zoom)*on/{f}",
            _ => "iw/2-(iw/zoom/2)",
        };
        var y = job.Pan switch
        {
            "up" => $"(ih-ih/zoom)*(1-on/{f})",
            "down" => $"(ih-ih/zoom)*on/{f}",
            _ => "ih/2-(ih/zoom/2)",
        };
        return $"zoompan=z='{zoom}':x='{x}':y='{y}':d=1:s={job.Width}x{job.Height}:fps={Fps}";
    }

    private static string Size(RenderJob job) => $"{job.Width}x{job.Height}";

    private static string Num(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
