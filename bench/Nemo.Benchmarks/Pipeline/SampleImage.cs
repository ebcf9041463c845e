namespace Nemo.Benchmarks.Pipeline;

/// <summary>The repository's sample image (samples/coffee.jpg), found from the working directory upwards.</summary>
internal static class SampleImage
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = System.IO.Path.Combine(directory.FullName, "samples", "coffee.jpg");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("samples/coffee.jpg not found above the working directory; run from the repository.");
    }
}
