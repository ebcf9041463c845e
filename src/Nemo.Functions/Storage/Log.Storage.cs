using Microsoft.Extensions.Logging;

namespace Nemo.Functions;

/// <summary>Log messages of the blob store, ledger and token store (event ids 30xx; the assembly logs in 3000–3999).</summary>
internal static partial class Log
{
    [LoggerMessage(3001, LogLevel.Warning, "Storage: no user delegation key (HTTP {Status}, {ErrorCode}); images are streamed to Nemo instead of fetched by read URL. Grant the app's identity 'Storage Blob Delegator' to enable URL uploads")]
    public static partial void NoDelegationKey(ILogger logger, int status, string? errorCode);

    [LoggerMessage(3002, LogLevel.Warning, "Storage: the persisted Nemo token could not be read ({Status}, {Reason}); a new anonymous token will be acquired")]
    public static partial void TokenUnreadable(ILogger logger, int status, string? reason);
}
