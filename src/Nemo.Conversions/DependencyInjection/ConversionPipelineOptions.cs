using System.ComponentModel.DataAnnotations;

namespace Nemo.Conversions;

/// <summary>Settings of the conversion activities (configuration section <c>Conversions</c>).</summary>
public sealed class ConversionPipelineOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string SectionName = "Conversions";

    /// <summary>The CloudEvents <c>source</c> of completion events. Default <c>/nemo/conversions</c>.</summary>
    [Required]
    [MinLength(1)]
    public string EventSource { get; set; } = "/nemo/conversions";

    /// <summary>How long the read URLs handed to Nemo for URL uploads stay valid. Default 10 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:30", "1.00:00:00")]
    public TimeSpan ReadUrlLifetime { get; set; } = TimeSpan.FromMinutes(10);
}
