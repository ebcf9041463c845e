using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Nemo.Benchmarks.Infrastructure;
using Nemo.Client;

namespace Nemo.Benchmarks.Uploads;

/// <summary>
/// Uploads generated images of several sizes through <see cref="NemoClient"/> to the simulator running
/// in a child process, and reports how much this (the client's) process's peak resident memory grew
/// during each upload. Side by side: a naive upload that buffers the file first.
/// </summary>
internal static class UploadMemoryBenchmark
{
    private const long MiB = 1024 * 1024;

    public static async Task<int> RunAsync(IReadOnlyList<long> sizesInMiB, CancellationToken cancellationToken)
    {
        if (!ProcessMemory.CanResetPeak)
        {
            Console.Error.WriteLine("upload-memory needs Linux (/proc/self/clear_refs) to measure peak memory per upload.");
            return 2;
        }

        await using var simulator = await SimulatorProcess.StartAsync([], cancellationToken);
        var stateDirectory = Directory.CreateTempSubdirectory("nemo-bench-");
        try
        {
            var services = new ServiceCollection();
            services.AddNemoClient(options =>
            {
                options.BaseAddress = simulator.BaseAddress;
                options.TokenStorePath = Path.Combine(stateDirectory.FullName, "token.json");
            });
            await using var provider = services.BuildServiceProvider();
            var client = provider.GetRequiredService<NemoClient>();
            var session = await client.CreateSessionAsync(cancellationToken: cancellationToken);

            // Warm up: JIT, connection pool, token.
            await UploadStreamingAsync(client, session.SessionId, 1, cancellationToken);

            var rows = new List<Row>();
            foreach (var size in sizesInMiB)
            {
                rows.Add(await MeasureAsync("NemoClient, streamed", size, () => UploadStreamingAsync(client, session.SessionId, size, cancellationToken)));
                rows.Add(await MeasureAsync("naive, buffered first", size, () => UploadBufferedAsync(client, session.SessionId, size, cancellationToken)));
            }

            Print(rows);
            return 0;
        }
        finally
        {
            stateDirectory.Delete(recursive: true);
        }
    }

    private static async Task<Row> MeasureAsync(string method, long sizeInMiB, Func<Task> upload)
    {
        ProcessMemory.Settle();
        var baseline = ProcessMemory.CurrentResidentBytes();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        ProcessMemory.ResetPeak();
        var stopwatch = Stopwatch.StartNew();

        await upload();

        stopwatch.Stop();
        var peak = ProcessMemory.PeakResidentBytes();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        return new Row(method, sizeInMiB, Math.Max(0, peak - baseline), allocated, stopwatch.Elapsed);
    }

    private static async Task UploadStreamingAsync(NemoClient client, string sessionId, long sizeInMiB, CancellationToken cancellationToken)
    {
        await using var image = new GeneratedImageStream(sizeInMiB * MiB);
        await client.UploadAsync(sessionId, [new UploadFile($"bench-{sizeInMiB}mib.jpg", image, "image/jpeg")], cancellationToken);
    }

    /// <summary>What a straightforward implementation does: read the whole file into memory, then send it.</summary>
    private static async Task UploadBufferedAsync(NemoClient client, string sessionId, long sizeInMiB, CancellationToken cancellationToken)
    {
        await using var image = new GeneratedImageStream(sizeInMiB * MiB);
        using var buffer = new MemoryStream();
        await image.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        await client.UploadAsync(sessionId, [new UploadFile($"bench-{sizeInMiB}mib-buffered.jpg", buffer, "image/jpeg")], cancellationToken);
    }

    private static void Print(IEnumerable<Row> rows)
    {
        Console.WriteLine("| upload | file size | peak RSS growth | managed allocations | time | throughput |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            var seconds = Math.Max(row.Elapsed.TotalSeconds, 0.001);
            Console.WriteLine(
                $"| {row.Method} | {row.SizeInMiB} MiB | {row.PeakGrowthBytes / (double)MiB:F1} MiB | {row.AllocatedBytes / (double)MiB:F1} MiB | {row.Elapsed.TotalSeconds:F2} s | {row.SizeInMiB / seconds:F0} MiB/s |");
        }
    }

    private sealed record Row(string Method, long SizeInMiB, long PeakGrowthBytes, long AllocatedBytes, TimeSpan Elapsed);
}
