namespace Nemo.Simulator;

/// <summary>What a prompt turns into.</summary>
internal enum PromptKind
{
    /// <summary>A text answer, no draft change, no charge.</summary>
    Text,

    /// <summary>A clarifying question instead of a draft, no charge.</summary>
    Clarify,

    /// <summary>Video generation: a new draft, charged per generated clip.</summary>
    Generation,

    /// <summary>An edit of the existing draft, charged once.</summary>
    Edit,
}
