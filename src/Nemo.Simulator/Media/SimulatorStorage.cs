namespace Nemo.Simulator;

/// <summary>The instance's private folder for uploads and outputs; deleted when the simulator stops.</summary>
internal sealed class SimulatorStorage : IDisposable
{
    public SimulatorStorage(SimulatorOptions options)
    {
        var parent = options.StorageDirectory ?? Path.Combine(Path.GetTempPath(), "nemo-simulator");
        Root = Path.Combine(Path.GetFullPath(parent), Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(Path.Combine(Root, "uploads"));
        Directory.CreateDirectory(Path.Combine(Root, "renders"));
    }

    public string Root { get; }

    public string NewUploadPath(string sessionId, string fileId, string format)
    {
        var folder = Path.Combine(Root, "uploads", sessionId);
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, fileId + "." + format);
    }

    public string? ExistingUploadPath(string sessionId, string fileName)
    {
        if (!SafeName.IsValid(sessionId) || !SafeName.IsValid(fileName))
        {
            return null;
        }

        var path = Path.Combine(Root, "uploads", sessionId, fileName);
        return File.Exists(path) ? path : null;
    }

    public string RenderPath(string renderId) => Path.Combine(Root, "renders", renderId + ".mp4");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a finishing request; the temp folder is cleaned by the OS eventually.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
