using Microsoft.Extensions.Logging;

namespace Nemo.Functions;

/// <summary>Log messages of the blob trigger (event ids 6xxx).</summary>
internal static partial class Log
{
    [LoggerMessage(6001, LogLevel.Information, "Blob trigger: {Kind} {BlobName} → instance {InstanceId} (started now: {Started})")]
    public static partial void DropStarted(ILogger logger, string kind, string blobName, string instanceId, bool started);

    [LoggerMessage(6002, LogLevel.Information, "Blob trigger: {BlobName} ignored: {Reason}")]
    public static partial void DropIgnored(ILogger logger, string blobName, string reason);

    [LoggerMessage(6003, LogLevel.Warning, "Blob trigger: {BlobName} rejected: {Reason}")]
    public static partial void DropRejected(ILogger logger, string blobName, string reason);
}
