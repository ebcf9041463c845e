namespace Nemo.Conversions;

/// <summary>
/// Records each credit-spending call before it is made, so an activity that is executed again after a crash (activities
/// are at-least-once in every host) finds the entry and does not spend twice.
/// </summary>
public interface ISpendLedger
{
    /// <summary>Records <paramref name="key"/>; false when it was already recorded.</summary>
    Task<bool> TryReserveAsync(string key, CancellationToken cancellationToken = default);
}
