namespace Nemo.Client;

/// <summary>Where a render is: <c>pending → processing → completed | failed</c>.</summary>
public enum RenderState
{
    /// <summary>A status Nemo reported that the client does not know; keep polling.</summary>
    Unknown = 0,

    /// <summary>Queued.</summary>
    Pending,

    /// <summary>Rendering.</summary>
    Processing,

    /// <summary>Done; the output can be downloaded.</summary>
    Completed,

    /// <summary>Failed; see <see cref="RenderStatus.Error"/>.</summary>
    Failed,

    /// <summary>Cancelled.</summary>
    Cancelled,
}
