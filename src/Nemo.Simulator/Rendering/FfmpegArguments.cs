using System.Globalization;

namespace Nemo.Simulator;

/// <summary>
/// ffmpeg argument lists: a slide show of the job's clips (scale, crop, optional zoompan), or a plain colour clip, each
/// as long as the job and with a quiet synthesized tone where the draft has background music.
/// </summary>
internal static class FfmpegArguments
{
    public const int Fps = 25;
    private const string Color = "0x1e3a5f";

    public static List<string> Slideshow(RenderJob job, string output)
    {
        var frames = FramesPerClip(job);
        var arguments = Common();
        foreach (var clip in job.Clips)
        {
            // A still is decoded once and repeated by the filters (a large photo decoded for every frame made long
            // videos crawl); a GIF is looped so it keeps moving for as long as its clip lasts.
            arguments.AddRange(clip.Animated ? ["-stream_loop", "-1", "-i", clip.Path] : ["-i", clip.Path]);
        }

        var filters = new List<string>();
        var labels = string.Empty;
        for (var i = 0; i < job.Clips.Count; i++)
        {
            var animated = job.Clips[i].Animated;
            var chain = $"[{i}:v]" + (animated ? $"fps={Fps}," : string.Empty)
                + $"scale={job.Width}:{job.Height}:force_original_aspect_ratio=increase,crop={job.Width}:{job.Height},setsar=1";
            chain += Motion(job, frames[i], animated) is { } motion
                ? "," + motion
                : animated ? string.Empty : $",loop=loop={frames[i] - 1}:size=1:start=0";
            filters.Add(chain + $",trim=end_frame={frames[i]},setpts=N/{Fps}/TB,format=yuv420p[v{i}]");
            labels += $"[v{i}]";
        }

        filters.Add($"{labels}concat=n={job.Clips.Count}:v=1:a=0[out]");
        if (Tone(job) is { } tone)
        {
            filters.Add(tone + "[music]");
        }

        arguments.AddRange(["-filter_complex", string.Join(';', filters), "-map", "[out]"]);
        return Encode(job, arguments, frames.Sum(), output);
    }

    public static List<string> ColorClip(RenderJob job, string output)
    {
        var arguments = Common();
        arguments.AddRange(["-f", "lavfi", "-i", $"color=c={Color}:s={job.Width}x{job.Height}:r={Fps}:d={Num(job.Length.TotalSeconds)}", "-map", "0:v"]);
        if (Tone(job) is { } tone)
        {
            arguments.AddRange(["-filter_complex", tone + "[music]"]);
        }

        return Encode(job, arguments, TotalFrames(job), output);
    }

    /// <summary>Each clip's frames; rounded on the running total, so together they make the job's length exactly.</summary>
    internal static int[] FramesPerClip(RenderJob job)
    {
        var frames = new int[job.Clips.Count];
        var elapsed = TimeSpan.Zero;
        var done = 0;
        for (var i = 0; i < frames.Length; i++)
        {
            elapsed += job.Clips[i].Duration;
            var end = Math.Max(done + 1, (int)Math.Round(elapsed.TotalSeconds * Fps));
            frames[i] = end - done;
            done = end;
        }

        return frames;
    }

    internal static int TotalFrames(RenderJob job) => Math.Max(1, (int)Math.Round(job.Length.TotalSeconds * Fps));

    private static List<string> Common() => ["-nostdin", "-hide_banner", "-loglevel", "error", "-y"];

    private static List<string> Encode(RenderJob job, List<string> arguments, int frames, string output)
    {
        arguments.AddRange(["-frames:v", Num(frames), "-s", $"{job.Width}x{job.Height}", "-r", Num(Fps), "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]);
        arguments.AddRange(job.Music.Count > 0 ? ["-map", "[music]", "-c:a", "aac", "-b:a", "96k"] : ["-an"]);
        arguments.AddRange(["-movflags", "+faststart", "-f", "mp4", output]);
        return arguments;
    }

    /// <summary>
    /// The background music as a filter source: a soft A-major chord with a slow swell, sounding only within the music
    /// spans, at most about −12 dBFS at full volume. No recording is bundled or fetched.
    /// </summary>
    private static string? Tone(RenderJob job)
    {
        if (job.Music.Count == 0)
        {
            return null;
        }

        var gate = string.Join('+', job.Music.Select(m =>
            $"{Num(m.Volume / 100.0)}*between(t,{Num(m.Start.TotalSeconds)},{Num((m.Start + m.Duration).TotalSeconds)})"));
        var chord = "0.5*sin(2*PI*220*t)+0.3*sin(2*PI*277.18*t)+0.2*sin(2*PI*329.63*t)";
        return $"aevalsrc=exprs='0.25*min(1,{gate})*(0.8+0.2*sin(2*PI*0.25*t))*({chord})':s=44100:d={Num(job.Length.TotalSeconds)},aformat=channel_layouts=stereo";
    }

    private static string? Motion(RenderJob job, int frames, bool animated)
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

        // A still gives zoompan one frame to hold for all of its frames; a GIF gives one frame per output frame.
        return $"zoompan=z='{zoom}':x='{x}':y='{y}':d={(animated ? 1 : frames)}:s={job.Width}x{job.Height}:fps={Fps}";
    }

    private static string Num(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
