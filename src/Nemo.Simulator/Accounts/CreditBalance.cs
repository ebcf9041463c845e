namespace Nemo.Simulator;

/// <summary>A user's credits as <c>/api/credits/balance/simple</c> reports them.</summary>
/// <param name="Available">Credits that can be spent.</param>
/// <param name="Frozen">Credits held by prompts still running.</param>
public sealed record CreditBalance(int Available, int Frozen)
{
    /// <summary><see cref="Available"/> + <see cref="Frozen"/>.</summary>
    public int Total => Available + Frozen;
}
