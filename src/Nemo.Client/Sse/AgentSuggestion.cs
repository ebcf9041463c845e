namespace Nemo.Client;

/// <summary>
/// A step the agent asked a GUI user to take ("click Export", "open the panel", "drag the clip"),
/// mapped to what the pipeline does instead. The GUI wording itself is never shown to people.
/// </summary>
public enum AgentSuggestion
{
    /// <summary>"Export", "click Download", "导出": run the render workflow (export is free).</summary>
    Render,

    /// <summary>"open the … panel", "preview in timeline", "打开": read the session state and summarise the draft.</summary>
    ReadState,

    /// <summary>
    /// "drag/drop", "拖拽": the agent wants a manual edit. Only a new prompt can do it, and a prompt costs
    /// credits, so the pipeline must not send one on its own.
    /// </summary>
    SendEdit,
}
