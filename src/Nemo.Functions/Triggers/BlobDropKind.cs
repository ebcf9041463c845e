namespace Nemo.Functions.Triggers;

/// <summary>What a blob that appeared in the input container is, for the trigger.</summary>
public enum BlobDropKind
{
    /// <summary>Not something to convert: a non-image, a hidden name, or a file inside a folder (a batch's input).</summary>
    Ignored,

    /// <summary>An image at the container root: one conversion.</summary>
    Image,

    /// <summary>A job folder's <c>job.json</c> (written last): one batch.</summary>
    JobManifest,
}
