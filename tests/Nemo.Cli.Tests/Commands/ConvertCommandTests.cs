using System.Text.Json;
using Nemo.Cli.Tests.Support;
using Nemo.Simulator;

namespace Nemo.Cli.Tests.Commands;

/// <summary><c>nemo convert</c> end to end: the real command tree against the simulator on loopback.</summary>
public sealed class ConvertCommandTests : IAsyncLifetime
{
    private SimulatedNemo _nemo = null!;

    public async Task InitializeAsync() => _nemo = await SimulatedNemo.StartAsync();

    public async Task DisposeAsync() => await _nemo.DisposeAsync();

    private string Sample(string name, string? copyAs = null)
    {
        var path = _nemo.Folder.Combine("in", copyAs ?? name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(Path.Combine(NemoCli.SamplesDirectory, name), path, overwrite: true);
        return path;
    }

    private JsonElement ReadResult(string name)
    {
        var path = Path.Combine(_nemo.OutputDirectory, name + ".result.json");
        Assert.True(File.Exists(path), "no result file " + path);
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return json.RootElement.Clone();
    }

    [Fact]
    public async Task Convert_writes_a_playable_mp4_and_its_result_and_a_second_run_spends_nothing()
    {
        var image = Sample("coffee.jpg", "coffee ünï view.jpg");

        var run = await _nemo.ConvertAsync([image], "--prompt", "animate this image with a slow zoom-in and leftward pan");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Error);
        await Media.AssertPlayableMp4Async(Path.Combine(_nemo.OutputDirectory, "coffee ünï view.mp4"));
        var result = ReadResult("coffee ünï view");
        Assert.Equal("succeeded", result.GetProperty("status").GetString());
        Assert.Equal("best", result.GetProperty("profile").GetString());
        Assert.False(string.IsNullOrEmpty(result.GetProperty("sessionId").GetString()));
        Assert.Equal(1, _nemo.Count(SimulatorEndpoint.RunSse));
        Assert.Equal(1, _nemo.Count(SimulatorEndpoint.RenderStart));
        Assert.DoesNotContain(Directory.EnumerateFiles(_nemo.OutputDirectory), f => Path.GetFileName(f).StartsWith('.'));
        Assert.Contains("\"type\":\"ai.nemo.conversion.succeeded\"", File.ReadAllText(Path.Combine(_nemo.StateDirectory, "events.jsonl")), StringComparison.Ordinal);

        var again = await _nemo.ConvertAsync([image], "--prompt", "animate this image with a slow zoom-in and leftward pan");

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("resuming", again.Output, StringComparison.Ordinal);
        Assert.Equal(1, _nemo.Count(SimulatorEndpoint.RunSse));
        Assert.Equal(1, _nemo.Count(SimulatorEndpoint.RenderStart));
        await _nemo.VerifyReplaysAsync();
    }

    public static TheoryData<string, string[]> BadInputs => new()
    {
        { "text", ["--profile", "best"] },
        { "empty", ["--profile", "best"] },
        { "gif", ["--profile", "best"] },
        { "huge", ["--profile", "image-to-video-motion-control"] },
        { "truncated", ["--profile", "best"] },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_fails_before_any_spend_with_one_line_and_a_failed_result(string kind, string[] extra)
    {
        var path = _nemo.Folder.Combine("in", "photo.jpg");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        switch (kind)
        {
            case "text":
                File.WriteAllText(path, "this is not an image, just text with a .jpg name\n");
                break;
            case "empty":
                File.WriteAllBytes(path, []);
                break;
            case "gif":
                File.WriteAllBytes(path, [.. "GIF89a"u8, 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 255, 255, 255, 0x21, 0xF9, 4, 1, 0, 0, 0, 0, 0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 1, 0, 0x3B]);
                break;
            case "truncated":
                // head -c 1024 samples/coffee.jpg > photo.jpg: a real JPEG's headers, cut off before its image data.
                File.WriteAllBytes(path, File.ReadAllBytes(Path.Combine(NemoCli.SamplesDirectory, "coffee.jpg"))[..1024]);
                break;
            default:
                // A real JPEG header and then 51 MB of (sparse) zeros: over the motion-control profile's 50 MB.
                File.Copy(Path.Combine(NemoCli.SamplesDirectory, "coffee.jpg"), path);
                await using (var file = new FileStream(path, FileMode.Open))
                {
                    file.SetLength(51L * 1024 * 1024);
                }

                break;
        }

        var before = Media.Hash(path);

        var run = await _nemo.ConvertAsync([path], ["--prompt", "animate this image with a slow zoom-in", .. extra]);

        Assert.True(run.ExitCode == 2, run.ToString());
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("nemo: photo: ", line, StringComparison.Ordinal);
        Assert.Contains("photo.jpg", line, StringComparison.Ordinal);
        if (kind == "truncated")
        {
            Assert.Contains("photo.jpg is cut short: the JPEG ends before its image data", line, StringComparison.Ordinal);
        }

        var result = ReadResult("photo");
        Assert.Equal("failed", result.GetProperty("status").GetString());
        Assert.Equal("validate", result.GetProperty("failure").GetProperty("stage").GetString());
        Assert.Equal(before, Media.Hash(path));
        Assert.False(File.Exists(Path.Combine(_nemo.OutputDirectory, "photo.mp4")));
        Assert.Equal(0, _nemo.Count(SimulatorEndpoint.CreateSession));
        Assert.Equal(0, _nemo.Count(SimulatorEndpoint.RunSse));
        await _nemo.VerifyReplaysAsync();
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/../../escape")]
    [InlineData("back\\slash")]
    public async Task Unsafe_names_are_refused_before_anything_runs(string name)
    {
        var image = Sample("coffee.jpg");

        var run = await _nemo.ConvertAsync([image], "--prompt", "animate this image with a slow zoom-in", "--name", name);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(Directory.Exists(_nemo.OutputDirectory) && Directory.EnumerateFileSystemEntries(_nemo.OutputDirectory).Any());
        Assert.False(File.Exists(_nemo.Folder.Combine("escape.result.json")));
        Assert.Equal(0, _nemo.Count(SimulatorEndpoint.CreateSession));
    }

    [Theory]
    [InlineData("2001")]
    [InlineData("4001")]
    [InlineData("402")]
    public async Task Terminal_nemo_errors_end_in_a_failed_result_with_the_code(string code)
    {
        var image = Sample("coffee.jpg");
        _ = code switch
        {
            "2001" => _nemo.Simulator.Faults.Add(Fault.On(SimulatorEndpoint.RunSse).OutOfCredits()),
            "4001" => _nemo.Simulator.Faults.Add(Fault.On(SimulatorEndpoint.Upload).UnsupportedType()),
            _ => _nemo.Simulator.Faults.Add(Fault.On(SimulatorEndpoint.RenderStart).PaymentRequired()),
        };

        var run = await _nemo.ConvertAsync([image], "--prompt", "animate this image with a slow zoom-in and leftward pan");

        Assert.True(run.ExitCode == 1, run.ToString());
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(code, line, StringComparison.Ordinal);
        Assert.EndsWith("run the same command with --retry (a new attempt; a prompt Nemo already took is not sent again)", line, StringComparison.Ordinal);
        var failure = ReadResult("coffee").GetProperty("failure");
        Assert.Equal("terminal", failure.GetProperty("kind").GetString());
        var reported = code == "402" ? failure.GetProperty("httpStatus").GetInt32() : failure.GetProperty("nemoCode").GetInt32();
        Assert.Equal(int.Parse(code, System.Globalization.CultureInfo.InvariantCulture), reported);
        Assert.False(File.Exists(Path.Combine(_nemo.OutputDirectory, "coffee.mp4")));
        await _nemo.VerifyReplaysAsync();
    }

    [Fact]
    public async Task A_render_Nemo_no_longer_knows_is_exported_again_and_the_video_is_made_with_one_prompt()
    {
        // As after a crash when Nemo has dropped the render meanwhile: its status answers "Render not found".
        _nemo.Simulator.Faults.Add(Fault.On(SimulatorEndpoint.RenderStatus).NemoError(404, "Render not found").Once());

        var run = await _nemo.ConvertAsync([Sample("coffee.jpg")], "--prompt", "animate this image with a slow zoom-in and leftward pan");

        Assert.True(run.ExitCode == 0, run.ToString());
        var result = ReadResult("coffee");
        Assert.Equal("succeeded", result.GetProperty("status").GetString());
        Assert.Contains(result.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("exported again under a new render id", StringComparison.Ordinal));
        Assert.Equal(1, _nemo.Count(SimulatorEndpoint.RunSse));
        Assert.Equal(2, _nemo.Count(SimulatorEndpoint.RenderStart));
        await Media.AssertPlayableMp4Async(Path.Combine(_nemo.OutputDirectory, "coffee.mp4"));
    }

    [Fact]
    public async Task A_webhook_that_is_down_is_retried_then_said_on_stderr_and_in_the_result_and_the_events_file_keeps_its_line()
    {
        // A port nothing listens on: every delivery attempt is refused.
        using var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();

        var run = await _nemo.ConvertAsync(
            [Sample("coffee.jpg")], "--prompt", "animate this image with a slow zoom-in and leftward pan", "--webhook", $"http://127.0.0.1:{port}/hook?token=s3cret");

        Assert.True(run.ExitCode == 0, run.ToString());
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("nemo: coffee: The completion event could not be delivered: the webhook http://127.0.0.1:", line, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", run.ToString(), StringComparison.Ordinal);
        var result = ReadResult("coffee");
        Assert.Equal("succeeded", result.GetProperty("status").GetString());
        Assert.Contains(result.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("The completion event could not be delivered", StringComparison.Ordinal));
        var events = File.ReadAllLines(Path.Combine(_nemo.StateDirectory, "events.jsonl"));
        Assert.Single(events, e => e.Contains("\"type\":\"ai.nemo.conversion.succeeded\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_music_is_kept_the_drafts_music_track_is_dropped_before_export_and_the_result_says_so()
    {
        // The agent adds a music track though the prompt says "No background music." (as the simulator's does).
        var run = await _nemo.ConvertAsync([Sample("coffee.jpg")], "--prompt", "animate this image with a slow zoom-in and leftward pan", "--no-music");

        Assert.True(run.ExitCode == 0, run.ToString());
        var result = ReadResult("coffee");
        Assert.Contains(result.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("removed before export", StringComparison.Ordinal));
        using var exported = JsonDocument.Parse(Assert.Single(_nemo.Simulator.Renders).Draft!);
        Assert.DoesNotContain(exported.RootElement.GetProperty("t").EnumerateArray(), t => t.GetProperty("tt").GetInt32() == 1);
        Assert.Equal(1, _nemo.Count(SimulatorEndpoint.RunSse));
        Assert.Null((await Ffmpeg.ProbeAsync(Path.Combine(_nemo.OutputDirectory, "coffee.mp4"))).AudioCodec);
    }

    [Fact]
    public async Task Music_asked_for_is_an_audio_track_in_the_mp4()
    {
        var run = await _nemo.ConvertAsync([Sample("coffee.jpg")], "--prompt", "animate this image with a slow zoom-in and leftward pan", "--music");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var exported = JsonDocument.Parse(Assert.Single(_nemo.Simulator.Renders).Draft!);
        Assert.Contains(exported.RootElement.GetProperty("t").EnumerateArray(), t => t.GetProperty("tt").GetInt32() == 1);
        var video = await Ffmpeg.ProbeAsync(Path.Combine(_nemo.OutputDirectory, "coffee.mp4"));
        Assert.Equal("aac", video.AudioCodec);
        Assert.InRange(video.Seconds, 4.95, 5.1);
    }

    [Fact]
    public async Task An_animated_gif_stays_animated_in_the_ezgif_profile()
    {
        var gif = _nemo.Folder.Combine("in", "spinner.gif");
        Directory.CreateDirectory(Path.GetDirectoryName(gif)!);
        await Ffmpeg.AnimatedGifAsync(gif);

        var run = await _nemo.ConvertAsync([gif], "--profile", "ezgif", "--prompt", "turn my images into a looping animated video like ezgif does");

        Assert.True(run.ExitCode == 0, run.ToString());
        var changes = await Ffmpeg.ChangesAsync(Path.Combine(_nemo.OutputDirectory, "spinner.mp4"), perSecond: 5, seconds: 3);
        Assert.True(changes.Count >= 12, $"{changes.Count} samples");
        Assert.All(changes, change => Assert.True(change > 3, $"the GIF stood still: {string.Join(", ", changes)}"));
    }

    [Fact]
    public async Task Ctrl_c_cancels_the_conversion_mid_render()
    {
        var image = Sample("coffee.jpg");
        using var cancel = new CancellationTokenSource();
        var run = NemoCli.RunAsync([.. _nemo.CommonArgs, "convert", image, "--out", _nemo.OutputDirectory, "--prompt", "animate this image with a slow zoom-in and leftward pan"], cancel.Token);

        await Task.Run(() => Polling.UntilAsync(() => _nemo.Count(SimulatorEndpoint.RenderStart) > 0 || run.IsCompleted, TimeSpan.FromSeconds(60)));
        await cancel.CancelAsync();
        var result = await run;

        Assert.True(result.ExitCode == 130, result.ToString());
        Assert.Equal("cancelled", ReadResult("coffee").GetProperty("status").GetString());
        Assert.False(File.Exists(Path.Combine(_nemo.OutputDirectory, "coffee.mp4")));
    }

    [Fact]
    public async Task Usage_errors_exit_2()
    {
        Assert.Equal(2, (await NemoCli.RunAsync(["convert", "x.jpg"])).ExitCode);
        Assert.Equal(2, (await _nemo.ConvertAsync([_nemo.Folder.Combine("missing.jpg")], "--prompt", "p")).ExitCode);
        Assert.Equal(2, (await _nemo.ConvertAsync([Sample("coffee.jpg")], "--prompt", "p", "--aspect", "4:3")).ExitCode);
        Assert.Equal(2, (await NemoCli.RunAsync(["frobnicate"])).ExitCode);
    }

    [Fact]
    public async Task Typos_are_said_not_papered_over_a_folder_as_an_image_a_missing_state_dir_or_inbox()
    {
        var folder = _nemo.Folder.Combine("photos");
        Directory.CreateDirectory(folder);
        var missingState = _nemo.Folder.Combine("stat-typo");
        var missingInbox = _nemo.Folder.Combine("inbx");

        var image = await _nemo.ConvertAsync([folder], "--prompt", "p");
        var status = await NemoCli.RunAsync(["--state-dir", missingState, "status"]);
        var watch = await NemoCli.RunAsync(["--state-dir", _nemo.StateDirectory, "watch", missingInbox, "--out", _nemo.Folder.Combine("outbox")]);

        Assert.Equal(2, image.ExitCode);
        Assert.Contains("photos: is a folder, not an image", image.Error, StringComparison.Ordinal);
        Assert.Equal(2, status.ExitCode);
        Assert.Contains("no state folder at", status.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(missingState));
        Assert.Equal(2, watch.ExitCode);
        Assert.Contains("inbx: no such folder", watch.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(missingInbox));
    }

    [Fact]
    public async Task Bare_nemo_shows_usage_with_the_commands_and_the_exit_codes_and_exits_2()
    {
        var run = await NemoCli.RunAsync([]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Usage:", run.Error, StringComparison.Ordinal);
        Assert.Contains("convert", run.Error, StringComparison.Ordinal);
        Assert.Contains("Exit codes: 0 success (or a service stopped by a signal), 1 the conversion failed, 2 invalid usage or input (nothing was spent), "
            + "130 cancelled (Ctrl+C), 143 stopped by SIGTERM", System.Text.RegularExpressions.Regex.Replace(run.Error, @"\s+", " "), StringComparison.Ordinal);
        Assert.DoesNotContain("Required command was not provided", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_help_lists_the_five_profiles_and_each_is_accepted()
    {
        var help = await NemoCli.RunAsync(["convert", "--help"]);

        Assert.Equal(0, help.ExitCode);
        Assert.Contains(string.Join(", ", Nemo.Client.NemoProfiles.All.Select(p => p.Name)), System.Text.RegularExpressions.Regex.Replace(help.Output, @"\s+", " "), StringComparison.Ordinal);
        Assert.DoesNotContain("image-to-video,", help.Output, StringComparison.Ordinal);
        Assert.Equal(5, Nemo.Client.NemoProfiles.All.Count);
    }
}
