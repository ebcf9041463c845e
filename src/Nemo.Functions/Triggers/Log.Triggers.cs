using Microsoft.Extensions.Logging;

namespace Nemo.Functions;

/// <summary>Log messages of the blob trigger (event ids 32xx; the assembly logs in 3000–3999).</summary>
internal static partial class Log
{
    [LoggerMessage(3201, LogLevel.Information, "Blob trigger: {Kind} {BlobName} → instance {InstanceId} (started now: {Started})")]
    public static partial void DropStarted(ILogger logger, string kind, string blobName, string instanceId, bool started);

    [LoggerMessage(3202, LogLevel.Information, "Blob trigger: {BlobName} ignored: {Reason}")]
    public static partial void DropIgnored(ILogger logger, string blobName, string reason);

    [LoggerMessage(3203, LogLevel.Warning, "Blob trigger: {BlobName} rejected: {Reason}")]
    public static partial void DropRejected(ILogger logger, string blobName, string reason);
}
