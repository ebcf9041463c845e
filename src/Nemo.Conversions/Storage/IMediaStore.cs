namespace Nemo.Conversions;

/// <summary>
/// Where inputs are read and outputs written: folders locally, blob containers in Azure. Inputs and outputs live in
/// different areas so outputs never retrigger a conversion. Everything streams.
/// </summary>
public interface IMediaStore
{
    /// <summary>The input's name and length, or null when it does not exist.</summary>
    Task<MediaInfo?> GetInputInfoAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Opens an input for reading.</summary>
    /// <exception cref="FileNotFoundException">The input does not exist.</exception>
    Task<Stream> OpenInputAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>A short-lived, read-only URL Nemo can fetch the input from, or null when this store cannot make one.</summary>
    Task<Uri?> GetInputReadUrlAsync(string key, TimeSpan lifetime, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores content posted to the API (not from the watched input area) so a conversion can use it; returns its key.
    /// Staged inputs never trigger a conversion by themselves.
    /// </summary>
    Task<string> StageInputAsync(string fileName, Stream content, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes an output all or nothing: <paramref name="write"/> fills the stream; the output appears under
    /// <paramref name="name"/> only when it returns, and an existing output of that name is replaced.
    /// </summary>
    /// <returns>The output's key and length.</returns>
    Task<SavedOutput> WriteOutputAsync(
        string name,
        string contentType,
        Func<Stream, CancellationToken, Task> write,
        IReadOnlyDictionary<string, string>? metadata = null,
        CancellationToken cancellationToken = default);

    /// <summary>Reads a small text output (a result file), or null when there is none.</summary>
    Task<string?> ReadOutputTextAsync(string name, CancellationToken cancellationToken = default);
}
