using System.Security.Cryptography;
using Nemo.Conversions;

namespace Nemo.Cli.Storage;

/// <summary>
/// The local <see cref="IMediaStore"/>: inputs are files (absolute paths, or paths relative to an input root), outputs are
/// written under an output folder, content posted to the API is staged under <c>&lt;state&gt;/staged/</c>. Everything streams;
/// an output appears under its final name only once it is complete.
/// </summary>
public sealed class FolderMediaStore : IMediaStore
{
    private const int BufferSize = 81920;

    /// <summary>Creates a store.</summary>
    /// <param name="inputRoot">Relative input keys resolve against this folder.</param>
    /// <param name="outputDirectory">Where outputs are written (created on demand).</param>
    /// <param name="stagingDirectory">Where posted content is kept (created on demand).</param>
    public FolderMediaStore(string inputRoot, string outputDirectory, string stagingDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(inputRoot);
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        ArgumentException.ThrowIfNullOrEmpty(stagingDirectory);
        InputRoot = Path.GetFullPath(inputRoot);
        OutputDirectory = Path.GetFullPath(outputDirectory);
        StagingDirectory = Path.GetFullPath(stagingDirectory);
    }

    /// <summary>The folder relative input keys resolve against.</summary>
    public string InputRoot { get; }

    /// <summary>The output folder.</summary>
    public string OutputDirectory { get; }

    /// <summary>The staging folder.</summary>
    public string StagingDirectory { get; }

    /// <summary>The full path of an input key.</summary>
    /// <param name="key">An absolute path or one relative to <see cref="InputRoot"/>.</param>
    /// <returns>The full path.</returns>
    public string InputPath(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return Path.GetFullPath(key, InputRoot);
    }

    /// <summary>The full path of an output name, which must stay inside <see cref="OutputDirectory"/>.</summary>
    /// <param name="name">A relative name; <c>/</c> separates subfolders.</param>
    /// <returns>The full path.</returns>
    /// <exception cref="ArgumentException">The name is rooted, contains <c>..</c>, a backslash or a control character.</exception>
    public string OutputPath(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var segments = name.Split('/');
        if (Path.IsPathRooted(name) || name.Contains('\\', StringComparison.Ordinal) || name.Any(char.IsControl)
            || segments.Any(s => s.Length == 0 || s is "." or ".."))
        {
            throw new ArgumentException($"'{name}' is not a valid output name.", nameof(name));
        }

        var path = Path.GetFullPath(Path.Combine([OutputDirectory, .. segments]));
        if (!path.StartsWith(OutputDirectory + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{name}' is outside the output folder.", nameof(name));
        }

        return path;
    }

    /// <inheritdoc />
    public Task<MediaInfo?> GetInputInfoAsync(string key, CancellationToken cancellationToken = default)
    {
        var file = new FileInfo(InputPath(key));
        return Task.FromResult(file.Exists ? new MediaInfo(key, file.Name, file.Length) : null);
    }

    /// <inheritdoc />
    public Task<Stream> OpenInputAsync(string key, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var path = InputPath(key);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The input '{key}' does not exist.", path);
        }

        Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return Task.FromResult(stream);
    }

    /// <inheritdoc />
    /// <remarks>Local files have no URL Nemo could fetch: uploads use multipart.</remarks>
    public Task<Uri?> GetInputReadUrlAsync(string key, TimeSpan lifetime, CancellationToken cancellationToken = default) =>
        Task.FromResult<Uri?>(null);

    /// <inheritdoc />
    /// <remarks>
    /// Content-addressed: the file lands in <c>staged/&lt;sha256 prefix&gt;/&lt;file name&gt;</c>, so posting the same bytes
    /// twice yields the same key. The returned key is the absolute path.
    /// </remarks>
    public async Task<string> StageInputAsync(string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        ArgumentNullException.ThrowIfNull(content);
        var safeName = SafeFileName(fileName);
        Directory.CreateDirectory(StagingDirectory);
        var temp = Path.Combine(StagingDirectory, $".upload-{Guid.NewGuid():N}.tmp");
        try
        {
            string hash;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[BufferSize];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    sha.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                await file.FlushAsync(cancellationToken);
                hash = Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
            }

            var folder = Path.Combine(StagingDirectory, hash);
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, safeName);
            File.Move(temp, path, overwrite: true);
            return path;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Written to a hidden temporary file in the same folder and renamed when <paramref name="write"/> returns; on any
    /// failure the temporary file is deleted, so no partial output is ever visible. Metadata is not kept on disk.
    /// </remarks>
    public async Task<SavedOutput> WriteOutputAsync(
        string name,
        string contentType,
        Func<Stream, CancellationToken, Task> write,
        IReadOnlyDictionary<string, string>? metadata = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        var path = OutputPath(name);
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.partial");
        try
        {
            long length;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                await write(file, cancellationToken);
                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
                length = file.Length;
            }

            File.Move(temp, path, overwrite: true);
            return new SavedOutput(name, length);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <inheritdoc />
    public async Task<string?> ReadOutputTextAsync(string name, CancellationToken cancellationToken = default)
    {
        var path = OutputPath(name);
        try
        {
            return await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private static string SafeFileName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        var invalid = Path.GetInvalidFileNameChars();
        name = new string([.. name.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c)]);
        return name is "" or "." or ".." ? "upload" : name;
    }
}
