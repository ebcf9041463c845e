namespace Nemo.Simulator;

/// <summary>Controls over the simulator's server-side state, for tests that need a condition the API cannot create.</summary>
public sealed class SimulatorAccounts
{
    private readonly SimulatorState _state;

    internal SimulatorAccounts(SimulatorState state) => _state = state;

    /// <summary>The credits of the user a token belongs to.</summary>
    /// <param name="token">A token the simulator issued.</param>
    /// <returns>The balance, or null for an unknown token.</returns>
    public CreditBalance? GetCredits(string token) => _state.GetCredits(token);

    /// <summary>Sets the available credits of the user a token belongs to.</summary>
    /// <param name="token">A token the simulator issued.</param>
    /// <param name="available">The new available credits.</param>
    /// <returns>False for an unknown token.</returns>
    public bool SetCredits(string token, int available) => _state.SetCredits(token, available);

    /// <summary>Expires a token now (the next call with it gets 1001).</summary>
    /// <param name="token">A token the simulator issued.</param>
    /// <returns>False for an unknown token.</returns>
    public bool ExpireToken(string token) => _state.ExpireToken(token);

    /// <summary>Expires every token now.</summary>
    /// <returns>How many tokens were expired.</returns>
    public int ExpireAllTokens() => _state.ExpireAllTokens();

    /// <summary>Loses a session (the next call naming it gets 1002).</summary>
    /// <param name="sessionId">The session id.</param>
    /// <returns>False for an unknown session.</returns>
    public bool LoseSession(string sessionId) => _state.LoseSession(sessionId);

    /// <summary>Loses every session.</summary>
    /// <returns>How many sessions were lost.</returns>
    public int LoseAllSessions() => _state.LoseAllSessions();
}
