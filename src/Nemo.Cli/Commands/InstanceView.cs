using Nemo.Cli.Progress;
using Nemo.Conversions;

namespace Nemo.Cli.Commands;

/// <summary>One instance as <c>nemo status --json</c> writes it.</summary>
/// <param name="Id">The instance id.</param>
/// <param name="Name">The conversion's (or batch's) name.</param>
/// <param name="Status">The result's status when it has one (<c>succeeded</c>, <c>failed</c>, <c>cancelled</c>), else the instance's (<c>running</c>, …).</param>
/// <param name="Progress">The stage and message now, as the table shows it.</param>
/// <param name="CreatedAt">When the instance was created (UTC).</param>
/// <param name="UpdatedAt">When it last changed (UTC).</param>
/// <param name="Result">The conversion's result, once finished.</param>
/// <param name="Error">Why the instance itself failed, when it did without a result.</param>
internal sealed record InstanceView(string Id, string Name, string Status, string Progress, DateTime CreatedAt, DateTime UpdatedAt, ConversionResult? Result, string? Error)
{
    public static InstanceView Of(ConversionInstance instance)
    {
        var result = ConversionOutcome.ResultOf(instance);
        return new InstanceView(
            instance.InstanceId,
            result?.Name ?? instance.Name,
            StatusCommand.StatusText(instance),
            ProgressText.Describe(instance),
            instance.CreatedAt,
            instance.LastUpdatedAt,
            result,
            instance.Error);
    }
}
