using System.Globalization;
using System.Text.Json;
using Nemo.Conversions;

namespace Nemo.Cli.Progress;

/// <summary>Turns an instance's status into one short line: stage, render percentage, message.</summary>
internal static class ProgressText
{
    public static ConversionProgress? ProgressOf(ConversionInstance instance) => ConversionJson.TryRead<ConversionProgress>(instance.CustomStatus);

    public static string Describe(ConversionInstance instance)
    {
        var progress = ProgressOf(instance);
        if (progress is null)
        {
            return instance.Status switch
            {
                InstanceStatus.Pending => "queued",
                InstanceStatus.Running => "running",
                _ => JsonNamingPolicy.CamelCase.ConvertName(instance.Status.ToString()),
            };
        }

        var stage = JsonSerializer.Serialize(progress.Stage, ConversionJson.Compact).Trim('"');
        var text = progress.RenderProgress is { } percent ? string.Create(CultureInfo.InvariantCulture, $"{stage} {percent}%") : stage;
        return string.IsNullOrWhiteSpace(progress.Message) ? text : $"{text}: {progress.Message}";
    }

    public static string Elapsed(TimeSpan elapsed) =>
        elapsed.TotalHours >= 1 ? elapsed.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : elapsed.ToString(@"m\:ss", CultureInfo.InvariantCulture);
}
