using System.Text.Json;

namespace Nemo.Client;

/// <summary>
/// Keeps the anonymous token in a JSON file, written atomically (temporary file, then move) and,
/// on Unix, readable by the owner only (0600, directory 0700).
/// </summary>
public sealed class FileNemoTokenStore : INemoTokenStore
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerDirectory = OwnerReadWrite | UnixFileMode.UserExecute;

    /// <summary>Creates a store at <paramref name="path"/>.</summary>
    /// <param name="path">The token file, e.g. <see cref="DefaultPath"/>.</param>
    public FileNemoTokenStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
    }

    /// <summary>
    /// <c>nemo/anonymous-token.json</c> under the local application data folder
    /// (<c>~/.local/share</c> on Linux, <c>%LOCALAPPDATA%</c> on Windows).
    /// </summary>
    public static string DefaultPath =>
        System.IO.Path.Combine(
            Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify),
            "nemo",
            "anonymous-token.json");

    /// <summary>The full path of the token file.</summary>
    public string Path { get; }

    /// <inheritdoc/>
    public async ValueTask<NemoAccessToken?> LoadAsync(CancellationToken cancellationToken = default)
    {
        if (!File.Exists(Path))
        {
            return null;
        }

        try
        {
            var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                var stored = await JsonSerializer.DeserializeAsync(stream, NemoJsonContext.Default.PersistedToken, cancellationToken).ConfigureAwait(false);
                return stored is { Token.Length: > 0 }
                    ? new NemoAccessToken(stored.Token, stored.IsAnonymous, stored.UserId, stored.ExpiresAt, stored.ClientId)
                    : null;
            }
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            // An unreadable file is treated as absent: a fresh token replaces it.
            return null;
        }
    }

    /// <inheritdoc/>
    public async ValueTask SaveAsync(NemoAccessToken token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        var directory = System.IO.Path.GetDirectoryName(Path)!;
        if (!Directory.Exists(directory))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory);
            }
            else
            {
                Directory.CreateDirectory(directory, OwnerDirectory);
            }
        }

        var temporary = $"{Path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            Options = FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerReadWrite;
        }

        try
        {
            var stream = new FileStream(temporary, options);
            await using (stream.ConfigureAwait(false))
            {
                var persisted = new PersistedToken(token.Value, token.ClientId, token.UserId, token.ExpiresAt, token.IsAnonymous);
                await JsonSerializer.SerializeAsync(stream, persisted, NemoJsonContext.Default.PersistedToken, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, Path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>Describes the store (the path, never the token).</summary>
    public override string ToString() => $"FileNemoTokenStore({Path})";
}
