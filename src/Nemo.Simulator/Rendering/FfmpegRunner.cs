using System.Diagnostics;

namespace Nemo.Simulator;

/// <summary>Finds and runs ffmpeg: arguments through <see cref="ProcessStartInfo.ArgumentList"/>, output drained, killed on timeout (a warning) or when the caller stops it (no warning: a cancelled render or a stopping simulator).</summary>
internal sealed class FfmpegRunner(SimulatorOptions options, ILogger<FfmpegRunner> logger)
{
    private readonly Lazy<string?> _path = new(() => Locate(options));

    public string? Path => options.UseFfmpeg ? _path.Value : null;

    public async Task<bool> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        if (Path is not { } executable)
        {
            return false;
        }

        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            Log.FfmpegStartFailed(logger, exception);
            return false;
        }

        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        using var timeout = new CancellationTokenSource(options.FfmpegTimeout);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await process.WaitForExitAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            await Task.WhenAll(stderr, stdout);

            // Stopped on purpose (the render was cancelled, or the simulator is stopping) is not a timeout.
            if (cancellationToken.IsCancellationRequested)
            {
                Log.FfmpegStopped(logger);
                cancellationToken.ThrowIfCancellationRequested();
            }

            Log.FfmpegTimedOut(logger, options.FfmpegTimeout);
            return false;
        }

        var errors = await stderr;
        await stdout;
        if (process.ExitCode != 0)
        {
            Log.FfmpegFailed(logger, process.ExitCode, errors.Length > 500 ? errors[^500..] : errors);
            return false;
        }

        return true;
    }

    private static string? Locate(SimulatorOptions options)
    {
        if (!string.IsNullOrEmpty(options.FfmpegPath))
        {
            return File.Exists(options.FfmpegPath) ? options.FfmpegPath : null;
        }

        var name = OperatingSystem.IsWindows() ? "ffmpeg.exe" : "ffmpeg";
        var paths = Environment.GetEnvironmentVariable("PATH")?.Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries) ?? [];
        return paths.Select(p => System.IO.Path.Combine(p, name)).FirstOrDefault(File.Exists);
    }
}
