using System.Text.Json.Nodes;

namespace Nemo.Simulator;

/// <summary>A chat session: uploads, the current draft, prompts pending and done.</summary>
internal sealed class SessionRecord(string sessionId, string taskId, string taskName, UserAccount user, int ordinal)
{
    public string SessionId { get; } = sessionId;

    public string TaskId { get; } = taskId;

    public string TaskName { get; } = taskName;

    public UserAccount User { get; } = user;

    /// <summary>Creation order; seeds the session's own random stream so parallel sessions stay reproducible.</summary>
    public int Ordinal { get; } = ordinal;

    public bool Lost { get; set; }

    public List<UploadRecord> Uploads { get; } = [];

    public JsonObject? Draft { get; set; }

    public DraftSpec? Spec { get; set; }

    public int Revision { get; set; }

    public int PromptCount { get; set; }

    public List<PendingPrompt> Pending { get; } = [];

    public JsonArray GeneratedMedia { get; } = [];
}
