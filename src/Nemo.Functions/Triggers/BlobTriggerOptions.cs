using System.ComponentModel.DataAnnotations;
using Nemo.Conversions;

namespace Nemo.Functions.Triggers;

/// <summary>How single images dropped into the input container are converted (configuration section <c>BlobTrigger</c>).</summary>
public sealed class BlobTriggerOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string SectionName = "BlobTrigger";

    /// <summary>The prompt the local watcher uses too.</summary>
    public const string DefaultPrompt = "animate this image with a slow zoom-in and a gentle camera pan";

    /// <summary>The prompt for a single image. Default <see cref="DefaultPrompt"/>. Job folders carry their own.</summary>
    [Required]
    [MaxLength(ConversionLimits.MaxPromptLength)]
    public string Prompt { get; set; } = DefaultPrompt;

    /// <summary>The profile for a single image. Default <c>best</c>.</summary>
    [Required]
    public string Profile { get; set; } = "best";

    /// <summary>The most items a dropped <c>job.json</c> may have (default <see cref="JobManifest.DefaultMaxItems"/>); a larger job is refused whole.</summary>
    [Range(1, 100_000)]
    public int MaxItemsPerJob { get; set; } = JobManifest.DefaultMaxItems;
}
