using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Nemo.Functions.Tests.Azurite;

/// <summary>
/// Azurite, the Azure Storage emulator, started by the tests themselves: the version pinned in the repository's
/// <c>package.json</c> (<c>npm ci</c> installs it), on free loopback ports (blob, queue and table), in a throw-away
/// folder, with telemetry off. One process serves the whole test run (<see cref="Shared"/>); each test class isolates
/// itself with containers and task hubs of its own. Without Azurite the first test that needs storage fails at once
/// with one line saying how to install it.
/// </summary>
internal sealed partial class AzuriteServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly Lazy<Task<AzuriteServer>> SharedServer = new(StartSharedAsync);

    private readonly Process _process;
    private readonly string _folder;

    private AzuriteServer(Process process, string folder, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        _folder = folder;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    /// <summary>The one Azurite of this test run, started on first use and stopped when the test process exits.</summary>
    public static Task<AzuriteServer> Shared => SharedServer.Value;

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    /// <summary>A connection string for the emulator's well-known development account on this instance's ports.</summary>
    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    public static async Task<AzuriteServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var executable = FindExecutable();
        var folder = Path.Combine(Path.GetTempPath(), "nemo-azurite-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--blobHost", "127.0.0.1", "--blobPort", "0",
            "--queueHost", "127.0.0.1", "--queuePort", "0",
            "--tableHost", "127.0.0.1", "--tablePort", "0",
            "--location", folder, "--skipApiVersionCheck", "--loose", "--disableTelemetry", "--silent",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var ports = new Dictionary<string, int>(StringComparer.Ordinal);
        var allListening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => Observe(e.Data);
        process.ErrorDataReceived += (_, e) => Observe(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        try
        {
            await allListening.Task.WaitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw new InvalidOperationException($"Azurite did not start within {StartTimeout.TotalSeconds:0} s. Its output:\n{Said()}");
        }

        return new AzuriteServer(process, folder, Port("Blob"), Port("Queue"), Port("Table"));

        void Observe(string? line)
        {
            if (line is null)
            {
                if (process.HasExited)
                {
                    allListening.TrySetException(new InvalidOperationException($"Azurite exited at start. Its output:\n{Said()}"));
                }

                return;
            }

            lock (ports)
            {
                output.AppendLine(line);
                if (ListeningLine().Match(line) is { Success: true } match)
                {
                    ports[match.Groups["service"].Value] = int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture);
                    if (ports.Count == 3)
                    {
                        allListening.TrySetResult();
                    }
                }
            }
        }

        string Said()
        {
            lock (ports)
            {
                return output.ToString();
            }
        }

        int Port(string service)
        {
            lock (ports)
            {
                return ports[service];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the dying process: the folder is in the temp directory, harmless.
        }
    }

    /// <summary>
    /// <c>node_modules/.bin/azurite</c> of the repository (the pinned devDependency), found upwards from the test binaries;
    /// <c>NEMO_AZURITE</c> names another executable.
    /// </summary>
    private static string FindExecutable()
    {
        if (Environment.GetEnvironmentVariable("NEMO_AZURITE") is { Length: > 0 } configured)
        {
            return File.Exists(configured)
                ? configured
                : throw new InvalidOperationException($"NEMO_AZURITE names {configured}, which does not exist.");
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "node_modules", ".bin", "azurite");
            if (File.Exists(Path.Combine(directory.FullName, "package.json")) && File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            "Azurite is not installed: run `npm ci` at the repository root (it installs the azurite version pinned in package.json).");
    }

    private static async Task<AzuriteServer> StartSharedAsync()
    {
        var server = await StartAsync().ConfigureAwait(false);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server;
    }

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at http://[^:]+:(?<port>\d+)")]
    private static partial Regex ListeningLine();
}
