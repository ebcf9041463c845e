using Nemo.Cli.Tests.Support;

namespace Nemo.Cli.Tests.Hosting;

/// <summary><c>nemo</c> runs on the Generic Host: a bad setting stops it at start, before anything is read or spent.</summary>
public sealed class StartupValidationTests
{
    [Fact]
    public async Task A_bad_Nemo_address_stops_nemo_at_once_with_one_line_naming_it()
    {
        using var folder = new TempFolder();
        var image = folder.Write("coffee.jpg", File.ReadAllBytes(Path.Combine(NemoCli.SamplesDirectory, "coffee.jpg")));

        var run = await NemoCli.RunAsync(
            ["convert", image, "--prompt", "slow zoom", "--nemo-url", "ftp://nemo.example/", "--out", folder.Combine("out"), "--state-dir", folder.Combine("state")]);

        Assert.True(run.ExitCode == 2, run.ToString());
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("nemo: invalid setting:", line, StringComparison.Ordinal);
        Assert.Contains("BaseAddress must be an absolute http or https address", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.Combine("out")), "nothing is written");
    }
}
