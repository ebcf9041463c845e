using System.Text.Json.Serialization;

namespace Nemo.Client;

// Wire shapes. Internal: the public surface uses the records in the feature folders.

internal sealed record CreateSessionRequest(string TaskName, string Language);

internal sealed record UrlUploadRequest(IReadOnlyList<string> Urls, string SourceType);

internal sealed record RunSseRequest(string AppName, string UserId, string SessionId, RunSseMessage NewMessage);

internal sealed record RunSseMessage(IReadOnlyList<RunSsePart> Parts);

internal sealed record RunSsePart(string Text);

internal sealed record AnonymousTokenData(
    string? Token,
    [property: JsonConverter(typeof(StringOrNumberConverter))] string? UserId,
    System.Text.Json.JsonElement? ExpiresAt,
    decimal? Credits);

internal sealed record SessionData(
    [property: JsonConverter(typeof(StringOrNumberConverter))] string? TaskId,
    [property: JsonConverter(typeof(StringOrNumberConverter))] string? SessionId,
    [property: JsonConverter(typeof(StringOrNumberConverter))] string? UserId);

internal sealed record UploadData(IReadOnlyList<UploadedFileData>? Files, bool? SessionStateApplied);

internal sealed record UploadedFileData(
    string? Filename,
    string? FileType,
    string? CdnUrl,
    double? Duration,
    double? Width,
    double? Height,
    double? Fps,
    string? Hash);

internal sealed record CreditsData(decimal? Available, decimal? Frozen, decimal? Total);

internal sealed record PersistedToken(
    string Token,
    string? ClientId,
    string? UserId,
    DateTimeOffset? ExpiresAt,
    bool IsAnonymous);
