using System.Text.Json;

namespace Nemo.Client;

/// <summary>The latest state of a session: its draft and media.</summary>
/// <param name="SessionId">The session id.</param>
/// <param name="TaskId">The task id, when present.</param>
/// <param name="TaskName">The task name, when present.</param>
/// <param name="Draft">The timeline draft, or <see langword="null"/> when the session has none yet.</param>
/// <param name="VideoInfos">Nemo's <c>video_infos</c>, as it came.</param>
/// <param name="GeneratedMedia">Nemo's <c>generated_media</c>, as it came.</param>
/// <param name="CanvasConfig">Nemo's <c>canvas_config</c>, when present.</param>
/// <param name="VideoAnalyses">Nemo's <c>video_analyses</c>, when present.</param>
public sealed record SessionState(
    string SessionId,
    string? TaskId,
    string? TaskName,
    NemoDraft? Draft,
    JsonElement? VideoInfos,
    JsonElement? GeneratedMedia,
    JsonElement? CanvasConfig = null,
    JsonElement? VideoAnalyses = null);
