using System.Security.Cryptography;
using System.Text;
using Nemo.Conversions;

namespace Nemo.Cli.Storage;

/// <summary>
/// The local <see cref="ISpendLedger"/>: one file per key under a folder, created with <see cref="FileMode.CreateNew"/>
/// (atomic across processes) and holding the holder and a closing newline, flushed to disk before the effect, so a
/// crash after the claim still finds it.
/// </summary>
public sealed class FileSpendLedger : ISpendLedger
{
    private const int ReadAttempts = 5;
    private static readonly TimeSpan ReadRetryDelay = TimeSpan.FromMilliseconds(50);
    private readonly string _directory;

    /// <summary>Creates a ledger in <paramref name="directory"/> (created on demand).</summary>
    /// <param name="directory">The ledger folder, typically <c>&lt;state&gt;/ledger</c>.</param>
    public FileSpendLedger(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        _directory = Path.GetFullPath(directory);
    }

    /// <inheritdoc />
    public async Task<LedgerClaim> ClaimAsync(string key, string holder, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(holder);
        Directory.CreateDirectory(_directory);
        // Keys may hold any characters; the file name is their hash.
        var path = Path.Combine(_directory, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))) + ".spend");
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 4096, FileOptions.Asynchronous);
        }
        catch (IOException) when (File.Exists(path))
        {
            return new LedgerClaim(await ReadHolderAsync(path, cancellationToken).ConfigureAwait(false), IsNew: false);
        }

        await using (file)
        {
            // Once created the claim stands; finish writing it even when the caller gives up.
            await file.WriteAsync(Encoding.UTF8.GetBytes(holder + "\n"), CancellationToken.None).ConfigureAwait(false);
            file.Flush(flushToDisk: true);
        }

        return new LedgerClaim(holder, IsNew: true);
    }

    /// <summary>The holder in a claim file; while another process is still writing it, waits briefly; "" when torn.</summary>
    private static async Task<string> ReadHolderAsync(string path, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var text = await File.ReadAllTextAsync(path, Encoding.UTF8, cancellationToken).ConfigureAwait(false);
            if (text.EndsWith('\n'))
            {
                return text[..^1];
            }

            if (attempt == ReadAttempts)
            {
                return string.Empty;
            }

            await Task.Delay(ReadRetryDelay, cancellationToken).ConfigureAwait(false);
        }
    }
}
