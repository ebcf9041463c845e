namespace Nemo.Cli.Watching;

/// <summary>
/// Which content the watcher has already started, by content hash, persisted under <c>&lt;state&gt;/watch/seen/</c> so it
/// survives restarts. Each entry holds the instance id it started.
/// </summary>
internal sealed class SeenIndex(string directory)
{
    private readonly string _directory = Path.GetFullPath(directory);

    public string? Find(string contentHash)
    {
        var path = PathOf(contentHash);
        return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
    }

    /// <summary>Records the hash; false when it was already recorded.</summary>
    public bool TryAdd(string contentHash, string instanceId)
    {
        Directory.CreateDirectory(_directory);
        var path = PathOf(contentHash);
        try
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            file.Write(System.Text.Encoding.UTF8.GetBytes(instanceId));
            file.Flush(flushToDisk: true);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
    }

    private string PathOf(string contentHash) => Path.Combine(_directory, contentHash);
}
