namespace Nemo.Benchmarks.Pipeline;

/// <summary>The repository's sample image (samples/harbor.jpg), found from the working directory upwards.</summary>
internal static class SampleImage
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = System.IO.Path.Combine(directory.FullName, "samples", "harbor.jpg");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("samples/harbor.jpg not found above the working directory; run from the repository.");
    }
}
