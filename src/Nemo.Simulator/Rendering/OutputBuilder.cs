namespace Nemo.Simulator;

/// <summary>
/// Builds a render's MP4: a slide show of the session's images with ffmpeg; if that fails a plain colour clip with
/// ffmpeg; if ffmpeg is absent or fails, the bundled MP4. At most two ffmpeg runs at a time.
/// </summary>
internal sealed class OutputBuilder(FfmpegRunner ffmpeg, ILogger<OutputBuilder> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(2);

    public async Task<long> BuildAsync(RenderJob job, CancellationToken cancellationToken)
    {
        var partial = job.OutputPath + ".part";
        if (ffmpeg.Path is not null)
        {
            await _gate.WaitAsync(cancellationToken);
            try
            {
                if ((job.Clips.Count > 0 && await ffmpeg.RunAsync(FfmpegArguments.Slideshow(job, partial), cancellationToken))
                    || await ffmpeg.RunAsync(FfmpegArguments.ColorClip(job, partial), cancellationToken))
                {
                    File.Move(partial, job.OutputPath, overwrite: true);
                    return new FileInfo(job.OutputPath).Length;
                }
            }
            catch (OperationCanceledException)
            {
                File.Delete(partial);
                throw;
            }
            finally
            {
                _gate.Release();
            }
        }

        Log.UsingFallbackVideo(logger);
        return await FallbackVideo.CopyToAsync(job.OutputPath, cancellationToken);
    }

    public void Dispose() => _gate.Dispose();
}
