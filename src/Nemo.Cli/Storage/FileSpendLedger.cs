using System.Security.Cryptography;
using System.Text;
using Nemo.Conversions;

namespace Nemo.Cli.Storage;

/// <summary>
/// The local <see cref="ISpendLedger"/>: one file per key under a folder, created with <see cref="FileMode.CreateNew"/> and
/// flushed to disk before the spend, so a crash after the reservation still finds it.
/// </summary>
public sealed class FileSpendLedger : ISpendLedger
{
    private readonly string _directory;

    /// <summary>Creates a ledger in <paramref name="directory"/> (created on demand).</summary>
    /// <param name="directory">The ledger folder, typically <c>&lt;state&gt;/ledger</c>.</param>
    public FileSpendLedger(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        _directory = Path.GetFullPath(directory);
    }

    /// <inheritdoc />
    public async Task<bool> TryReserveAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        Directory.CreateDirectory(_directory);
        // Keys may hold any characters; the file name is their hash, the content the key itself.
        var path = Path.Combine(_directory, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))) + ".spend");
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous);
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }

        await using (file)
        {
            // Once created the reservation stands; finish writing it even when the caller gives up.
            await file.WriteAsync(Encoding.UTF8.GetBytes(key), CancellationToken.None);
            file.Flush(flushToDisk: true);
        }

        return true;
    }
}
