namespace Nemo.Client;

/// <summary>The outcome of an upload.</summary>
/// <param name="Files">The files Nemo accepted.</param>
/// <param name="SessionStateApplied">Whether Nemo already added them to the session state.</param>
public sealed record UploadResult(IReadOnlyList<UploadedFile> Files, bool SessionStateApplied);
