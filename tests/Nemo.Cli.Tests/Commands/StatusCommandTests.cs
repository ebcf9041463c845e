using System.Text.Json;
using Nemo.Cli.Tests.Support;

namespace Nemo.Cli.Tests.Commands;

/// <summary><c>nemo status</c> off a terminal and with <c>--json</c>: output a program (or <c>grep</c>) can read.</summary>
public sealed class StatusCommandTests : IAsyncLifetime
{
    private SimulatedNemo _nemo = null!;

    public async Task InitializeAsync() => _nemo = await SimulatedNemo.StartAsync();

    public async Task DisposeAsync() => await _nemo.DisposeAsync();

    private async Task<string> ConvertedIdAsync()
    {
        var image = _nemo.Folder.Write("in/a-photo-with-a-rather-long-file-name-for-the-table.jpg", File.ReadAllBytes(Path.Combine(NemoCli.SamplesDirectory, "coffee.jpg")));
        var run = await _nemo.ConvertAsync([image], "--prompt", "animate this image with a slow zoom-in and leftward pan");
        Assert.True(run.ExitCode == 0, run.ToString());
        return run.Output.Split('(', ')')[1];
    }

    [Fact]
    public async Task Off_a_terminal_the_list_is_one_tab_separated_line_per_instance_under_a_header()
    {
        var id = await ConvertedIdAsync();

        var status = await NemoCli.RunAsync(["--state-dir", _nemo.StateDirectory, "status"]);

        Assert.True(status.ExitCode == 0, status.ToString());
        var lines = status.Output.TrimEnd('\n').Split('\n');
        Assert.Equal("id\tname\tstatus\tprogress\tupdated", lines[0]);
        var row = Assert.Single(lines[1..]).Split('\t');
        Assert.Equal(5, row.Length);
        Assert.Equal(id, row[0]);
        Assert.Equal("a-photo-with-a-rather-long-file-name-for-the-table", row[1]);
        Assert.Equal("succeeded", row[2]);

        var detail = await NemoCli.RunAsync(["--state-dir", _nemo.StateDirectory, "status", id]);
        Assert.Contains($"id: {id}\n", detail.Output, StringComparison.Ordinal);
        Assert.Contains("status: succeeded\n", detail.Output, StringComparison.Ordinal);
        Assert.All(detail.Output.TrimEnd('\n').Split('\n'), line => Assert.Matches("^[a-z]+: ", line));
    }

    [Fact]
    public async Task Json_gives_every_instance_and_one_instance_with_its_result()
    {
        var id = await ConvertedIdAsync();

        var list = await NemoCli.RunAsync(["--state-dir", _nemo.StateDirectory, "status", "--json"]);
        var one = await NemoCli.RunAsync(["--state-dir", _nemo.StateDirectory, "status", id, "--json"]);

        Assert.True(list.ExitCode == 0, list.ToString());
        using var array = JsonDocument.Parse(list.Output);
        var item = Assert.Single(array.RootElement.EnumerateArray());
        Assert.Equal(id, item.GetProperty("id").GetString());
        Assert.Equal("succeeded", item.GetProperty("status").GetString());
        using var detail = JsonDocument.Parse(one.Output);
        Assert.Equal(id, detail.RootElement.GetProperty("id").GetString());
        Assert.Equal("succeeded", detail.RootElement.GetProperty("result").GetProperty("status").GetString());
        Assert.EndsWith(".mp4", detail.RootElement.GetProperty("result").GetProperty("output").GetString(), StringComparison.Ordinal);
    }
}
