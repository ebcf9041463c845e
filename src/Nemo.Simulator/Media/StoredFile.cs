namespace Nemo.Simulator;

/// <summary>The outcome of streaming one upload to disk.</summary>
internal sealed record StoredFile(StoreOutcome Outcome, string Path, long Size, string? Hash, MediaKind Kind, string? Format, int? Width, int? Height);

/// <summary>Why storing an upload stopped.</summary>
internal enum StoreOutcome
{
    Stored,
    Unsupported,
    TooLarge,
}
