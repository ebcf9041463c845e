namespace Nemo.Benchmarks.Pipeline;

/// <summary>A scratch directory removed when the benchmark ends.</summary>
internal sealed class BenchDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("nemo-bench-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is not worth failing a benchmark for.
        }
    }
}
