namespace Nemo.Conversions;

/// <summary>
/// Records each effect that must not happen twice (a prompt that spends credits, a render id) before it is made, so an
/// activity executed again after a crash (activities are at-least-once in every host) finds the entry and does not
/// repeat it. First writer wins; an entry is never changed or removed.
/// </summary>
public interface ISpendLedger
{
    /// <summary>
    /// Records <paramref name="holder"/> under <paramref name="key"/> unless the key is already recorded, atomically
    /// across every process sharing the ledger.
    /// </summary>
    /// <param name="key">What is claimed (any characters).</param>
    /// <param name="holder">Who claims it (any characters).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>
    /// The holder on record and whether this call recorded it. A holder that could not be read back completely (a
    /// claim torn by a crash) is reported as the empty string: someone holds the key, and it is not provably the caller.
    /// </returns>
    Task<LedgerClaim> ClaimAsync(string key, string holder, CancellationToken cancellationToken = default);
}

/// <summary>The outcome of <see cref="ISpendLedger.ClaimAsync"/>.</summary>
/// <param name="Holder">Who holds the key.</param>
/// <param name="IsNew">True when this call recorded the claim.</param>
public readonly record struct LedgerClaim(string Holder, bool IsNew);
