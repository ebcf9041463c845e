using System.Diagnostics;

namespace Nemo.Cli.Tests.Support;

/// <summary>
/// Runs the built <c>nemo</c> as its own process, as a person runs it: everything it writes to the console is
/// captured, the in-process simulator's log lines included (which an in-process run cannot separate from the tests').
/// </summary>
internal static class NemoProcess
{
    private static string NemoDll
    {
        get
        {
            var local = Path.Combine(AppContext.BaseDirectory, "nemo.dll");
            if (File.Exists(local) && File.Exists(Path.Combine(AppContext.BaseDirectory, "nemo.runtimeconfig.json")))
            {
                return local;
            }

            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            return Path.GetFullPath(Path.Combine(NemoCli.SamplesDirectory, "..", "src", "Nemo.Cli", "bin", configuration, "net10.0", "nemo.dll"));
        }
    }

    public static async Task<CliResult> RunAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.Environment.Remove("NEMO_TOKEN");
        start.Environment.Remove("NEMO_API_URL");
        foreach (var argument in (string[])[NemoDll, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new CliResult(process.ExitCode, await output, await errors);
    }
}
