namespace Nemo.Functions.Triggers;

/// <summary>What the trigger did with a blob.</summary>
/// <param name="Kind">What the blob is.</param>
/// <param name="InstanceId">The conversion or batch instance, when one was scheduled (or already existed).</param>
/// <param name="Started">Whether this event started it (false: it already existed, or nothing was started).</param>
/// <param name="Reason">Why nothing was started, when nothing was.</param>
public sealed record BlobDropOutcome(BlobDropKind Kind, string? InstanceId, bool Started, string? Reason = null);
