using System.ComponentModel.DataAnnotations;

namespace Nemo.Functions.Configuration;

/// <summary>Settings of the Durable scheduler behind the HTTP API (configuration section <c>Scheduler</c>).</summary>
public sealed class SchedulerOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string SectionName = "Scheduler";

    /// <summary>
    /// How far back <c>GET /api/conversions</c> looks: the task hub is queried for instances created in this window and
    /// the most recent are returned. Default 30 days.
    /// </summary>
    [Range(typeof(TimeSpan), "01:00:00", "366.00:00:00")]
    public TimeSpan ListLookback { get; set; } = TimeSpan.FromDays(30);
}
