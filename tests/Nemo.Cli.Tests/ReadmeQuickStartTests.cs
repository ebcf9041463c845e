using System.Diagnostics;
using System.Text.Json;
using Nemo.Cli.Tests.Support;

namespace Nemo.Cli.Tests;

/// <summary>
/// The README's quick start, typed as the README has it, from the root of a fresh copy of the repository:
/// <c>dotnet run --project src/Nemo.Cli -- convert samples/coffee.jpg --prompt "…" --simulator --out out</c>.
/// </summary>
/// <remarks>
/// A copy, not the repository itself, so the test never touches a developer's own <c>out/</c> and <c>.nemo/</c>. The copy
/// holds the command's sources and build files and no build outputs, as a clone would, so <c>dotnet run</c> builds it
/// (the slow part of this test).
/// </remarks>
public sealed class ReadmeQuickStartTests
{
    private const string Prompt = "animate this image with a slow zoom-in and leftward pan";

    // A build from scratch on a busy machine takes minutes; the conversion itself takes seconds.
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task The_quick_start_run_from_the_root_writes_out_at_the_root()
    {
        using var clone = new TempFolder();
        CopyForBuild(RepositoryRoot, clone.Path);

        var (exitCode, output, errors) = await DotnetAsync(
            clone.Path,
            ["run", "--project", "src/Nemo.Cli", "--", "convert", "samples/coffee.jpg", "--prompt", Prompt, "--simulator", "--out", "out"]);

        Assert.True(exitCode == 0, $"exit {exitCode}\n--- stdout\n{output}\n--- stderr\n{errors}");
        var mp4 = clone.Combine("out", "coffee.mp4");
        Assert.Contains(mp4, output, StringComparison.Ordinal);
        await Media.AssertPlayableMp4Async(mp4);
        using var result = JsonDocument.Parse(File.ReadAllText(clone.Combine("out", "coffee.result.json")));
        Assert.Equal("succeeded", result.RootElement.GetProperty("status").GetString());
        // The state folder's default (./.nemo) is relative too; nothing lands in the project's folder.
        Assert.True(Directory.Exists(clone.Combine(".nemo")), "no .nemo at the root");
        Assert.False(Directory.Exists(clone.Combine("src", "Nemo.Cli", "out")), "out/ was created in the project folder");
        Assert.False(Directory.Exists(clone.Combine("src", "Nemo.Cli", ".nemo")), ".nemo/ was created in the project folder");
    }

    private static string RepositoryRoot => Path.GetDirectoryName(NemoCli.SamplesDirectory)!;

    /// <summary>
    /// Copies what <c>dotnet run --project src/Nemo.Cli</c> needs: the root's build files, <c>samples/</c> and
    /// <c>src/</c> (without the Azure shell, which the command does not reference), never <c>bin/</c> or <c>obj/</c>.
    /// </summary>
    private static void CopyForBuild(string root, string destination)
    {
        foreach (var file in Directory.EnumerateFiles(root))
        {
            var name = Path.GetFileName(file);
            if (name.EndsWith(".props", StringComparison.Ordinal) || name.EndsWith(".targets", StringComparison.Ordinal)
                || name is "global.json" or ".editorconfig" || name.Equals("nuget.config", StringComparison.OrdinalIgnoreCase))
            {
                File.Copy(file, Path.Combine(destination, name));
            }
        }

        CopyTree(Path.Combine(root, "samples"), Path.Combine(destination, "samples"));
        CopyTree(Path.Combine(root, "src"), Path.Combine(destination, "src"), "Nemo.Functions");
    }

    private static void CopyTree(string source, string destination, params string[] skip)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.EnumerateDirectories(source))
        {
            var name = Path.GetFileName(directory);
            if (name is not ("bin" or "obj") && !skip.Contains(name, StringComparer.Ordinal))
            {
                CopyTree(directory, Path.Combine(destination, name));
            }
        }
    }

    private static async Task<(int ExitCode, string Output, string Errors)> DotnetAsync(string workingDirectory, string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // As from a user's shell: not pointed at a Nemo, and no MSBuild settings inherited from the test run's own build.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("NEMO_", StringComparison.Ordinal)).ToArray())
        {
            start.Environment.Remove(name);
        }

        // Analyzers and code style are the main build's business; they change nothing at run time and slow this build.
        start.Environment["RunAnalyzers"] = "false";
        // No build nodes left running after the test.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Fail($"dotnet run did not finish within {Timeout.TotalMinutes} minutes\n{await output}\n{await errors}");
        }

        return (process.ExitCode, await output, await errors);
    }
}
