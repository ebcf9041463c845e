using System.Text.Json;

namespace Nemo.Conversions;

/// <summary>Maps a scheduler's <see cref="ConversionInstance"/> to the API's <see cref="ConversionResource"/>.</summary>
internal static class ConversionResources
{
    public static ConversionResource From(ConversionInstance instance)
    {
        var progress = Read<ConversionProgress>(instance.CustomStatus, IsProgress);
        var result = Read<ConversionResult>(instance.Output, IsResult);
        var summary = result is null ? Read<BatchSummary>(instance.Output, IsSummary) : null;
        var status = instance.Status switch
        {
            InstanceStatus.Pending => ConversionResourceStatus.Pending,
            InstanceStatus.Running => ConversionResourceStatus.Running,
            InstanceStatus.Failed => ConversionResourceStatus.Failed,
            InstanceStatus.Terminated => ConversionResourceStatus.Cancelled,
            _ => result?.Status switch
            {
                ConversionStatus.Failed => ConversionResourceStatus.Failed,
                ConversionStatus.Cancelled => ConversionResourceStatus.Cancelled,
                _ when summary is { Failed: > 0 } => ConversionResourceStatus.Failed,
                _ => ConversionResourceStatus.Succeeded,
            },
        };

        return new ConversionResource
        {
            Id = instance.InstanceId,
            Status = status,
            Stage = result?.Failure?.Stage ?? progress?.Stage,
            RenderProgress = progress?.RenderProgress,
            Message = result?.Failure?.Reason ?? progress?.Message,
            CreatedAt = instance.CreatedAt,
            LastUpdatedAt = instance.LastUpdatedAt,
            Result = result,
            Summary = summary,
            Error = instance.Error,
        };
    }

    public static string StatusName(ConversionResourceStatus status) =>
        JsonSerializer.Serialize(status, ConversionJson.Compact).Trim('"');

    private static bool IsProgress(JsonElement e) => e.TryGetProperty("stage", out _);

    private static bool IsResult(JsonElement e) => e.TryGetProperty("status", out _) && e.TryGetProperty("profile", out _);

    private static bool IsSummary(JsonElement e) => e.TryGetProperty("items", out _) && e.TryGetProperty("succeeded", out _);

    // Someone else's output shape (a newer version, another orchestrator) shows the status without it.
    private static T? Read<T>(JsonElement? json, Func<JsonElement, bool> looksRight)
        where T : class =>
        json is { ValueKind: JsonValueKind.Object } element && looksRight(element) ? ConversionJson.TryRead<T>(element) : null;
}
