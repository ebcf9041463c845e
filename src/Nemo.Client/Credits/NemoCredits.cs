namespace Nemo.Client;

/// <summary>The account's credit balance.</summary>
/// <param name="Available">Credits that can be spent now.</param>
/// <param name="Frozen">Credits reserved by running work.</param>
/// <param name="Total">Available plus frozen.</param>
public sealed record NemoCredits(decimal Available, decimal Frozen, decimal Total);
